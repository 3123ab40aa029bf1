using System.Diagnostics;
using Xunit.Abstractions;

namespace Matching.Taxonomy.Tests;

public sealed class ExtractTests(ITestOutputHelper output)
{
    private static SkillTaxonomy T => Taxonomy.Shared;

    [Fact]
    public void Chinese_free_text_names_forklift_welding_and_driving()
    {
        var found = T.Extract("会开叉车，有焊工证，C1驾照");
        output.WriteLine(string.Join(", ", found.Select(c => $"{c.Label} / {c.LabelZh}")));
        var uris = found.Select(c => c.EscoUri).ToList();

        Assert.Contains(found, c => c.EscoUri is Uris.OperateForklift or Uris.ForkliftOperator);
        Assert.Contains(Uris.OperateWeldingEquipment, uris);
        Assert.Contains(Uris.Welder, uris);
        Assert.Contains(Uris.DriveVehicles, uris);
    }

    [Fact]
    public void Chinese_occupation_names_inside_a_sentence_are_found_longest_first()
    {
        var found = T.Extract("本人做过叉车司机三年", ConceptKind.Occupation);
        Assert.Equal([Uris.ForkliftOperator], found.Select(c => c.EscoUri));
    }

    [Fact]
    public void English_free_text_names_its_skills_and_occupations()
    {
        var found = T.Extract("Experienced forklift operator. Can operate a forklift, knows JS and Excel; C# too.");
        output.WriteLine(string.Join(", ", found.Select(c => c.Label)));
        var uris = found.Select(c => c.EscoUri).ToList();

        Assert.Equal(Uris.ForkliftOperator, uris[0]);
        Assert.Contains(Uris.OperateForklift, uris);
        Assert.Contains(Uris.JavaScript, uris);
        Assert.Contains(Uris.Spreadsheets, uris);
        Assert.Contains(Uris.CSharp, uris);
        Assert.Equal(uris.Distinct().Count(), uris.Count);
    }

    [Fact]
    public void Common_words_and_ambiguous_acronyms_are_not_concepts_in_free_text()
    {
        // "it" is an ESCO synonym (computer technology), "re" one of instrumentation equipment; neither names it here.
        var found = T.Extract("I can do it, re the job");
        Assert.Empty(found);
    }

    [Fact]
    public void Kind_filters_extraction()
    {
        var skills = T.Extract("forklift operator who can operate forklift", ConceptKind.Skill);
        Assert.All(skills, c => Assert.Equal(ConceptKind.Skill, c.Kind));
        Assert.Contains(skills, c => c.EscoUri == Uris.OperateForklift);
    }

    [Fact]
    public void ResolveSkills_takes_a_whole_label_else_what_the_text_mentions()
    {
        var ids = T.ResolveSkills(["JS", "javascript", "Excel, PLC", "   ", "nothing known"]);

        Assert.Equal([Uris.JavaScript, Uris.Spreadsheets, Uris.Plc], ids.Select(id => T[id].EscoUri));
    }

    [Fact]
    public void Extraction_time_is_measured()
    {
        var texts = new[]
        {
            "会开叉车，有焊工证，懂蒙古语，C1驾照，做过三年仓库管理和电工，能吃苦耐劳，服从安排",
            "Experienced forklift operator and warehouse worker with a driving licence, first aid, Excel and customer service skills.",
        };
        foreach (var text in texts)
        {
            T.Extract(text);
            const int Runs = 2000;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++)
            {
                T.Extract(text);
            }

            stopwatch.Stop();
            var found = T.Extract(text);
            output.WriteLine($"Extract ({text.Length} chars): {stopwatch.Elapsed.TotalMicroseconds / Runs:F1} µs; {found.Count} concepts: {string.Join(", ", found.Select(c => c.LabelZh ?? c.Label))}");
            Assert.NotEmpty(found);
        }
    }
}
