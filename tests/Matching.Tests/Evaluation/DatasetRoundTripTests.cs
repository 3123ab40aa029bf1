using Matching.Api.Candidates;
using Matching.Evaluation;
using Matching.Taxonomy;

namespace Matching.Tests.Evaluation;

public sealed class DatasetRoundTripTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"evaluation-roundtrip-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Quoted_fields_survive_commas_quotes_line_breaks_and_chinese()
    {
        var path = Path.Combine(directory, "x.csv");
        Directory.CreateDirectory(directory);
        string[] header = ["a", "b", "c"];
        IReadOnlyList<string?>[] rows = [["plain", "with, comma", "say \"hi\""], ["line\r\nbreak", "叉车司机|电焊", ""], [null, "", "\"\""]];

        Csv.Write(path, header, rows);
        var read = Csv.Read(path);

        Assert.Equal(3, read.Count);
        Assert.Equal(["plain", "with, comma", "say \"hi\""], header.Select(h => read[0][h]));
        Assert.Equal(["line\r\nbreak", "叉车司机|电焊", ""], header.Select(h => read[1][h]));
        Assert.Equal(["", "", "\"\""], header.Select(h => read[2][h]));
        Assert.Equal(["叉车司机", "电焊"], Csv.Items(read[1]["b"]));
        Assert.Equal("a,b,c\r\nplain,\"with, comma\",\"say \"\"hi\"\"\"\r\n", File.ReadAllText(path)[..41]);
    }

    [Fact]
    public void A_record_with_the_wrong_number_of_fields_is_refused_with_its_line_and_the_first_missing_field()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");

        var error = Assert.Throws<DatasetException>(() => Csv.Read(path));

        Assert.Equal(("bad.csv", 3, "b"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void A_synthetic_dataset_reads_back_as_written()
    {
        var dataset = SyntheticDataset.Generate(new ConceptVocabulary(SkillTaxonomy.Shared), 150, 400, seed: 11);
        Assert.NotEmpty(dataset.Interactions);

        dataset.Write(directory);
        var read = EvaluationDataset.Read(directory);

        Assert.Equal(dataset.Seekers.Count, read.Seekers.Count);
        Assert.Equal(dataset.Postings.Count, read.Postings.Count);
        Assert.Equal(dataset.Interactions, read.Interactions);
        for (var i = 0; i < dataset.Seekers.Count; i++)
        {
            var (a, b) = (dataset.Seekers[i], read.Seekers[i]);
            Assert.Equal((a.Gender, a.BirthYear), (b.Gender, b.BirthYear));
            Assert.Equal(Fields(a.Snapshot), Fields(b.Snapshot));
        }
        for (var i = 0; i < dataset.Postings.Count; i++)
        {
            Assert.Equal(dataset.Postings[i].EmployerSize, read.Postings[i].EmployerSize);
            Assert.Equal(Fields(dataset.Postings[i].Snapshot), Fields(read.Postings[i].Snapshot));
        }
    }

    [Fact]
    public void Reading_a_seeker_puts_gender_and_birth_year_nowhere_in_the_snapshot()
    {
        var properties = typeof(Matching.Api.ReadModel.SeekerSnapshot).GetProperties().Select(p => p.Name.ToUpperInvariant()).ToList();

        Assert.DoesNotContain(properties, name => name.Contains("GENDER", StringComparison.Ordinal) || name.Contains("BIRTH", StringComparison.Ordinal)
            || name is "AGE" or "SEX");
        Assert.Contains("gender", EvaluationDataset.SeekerColumns);
        Assert.Contains("birth_year", EvaluationDataset.SeekerColumns);
    }

    /// <summary>Every property except the derived skill keys, as text (arrays joined), for comparison.</summary>
    private static List<string> Fields(object snapshot) => snapshot.GetType().GetProperties()
        .Where(p => p.Name != "SkillKeys")
        .Select(p => p.Name + "=" + (p.GetValue(snapshot) is string[] items ? string.Join("|", items) : Convert.ToString(p.GetValue(snapshot), System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}
