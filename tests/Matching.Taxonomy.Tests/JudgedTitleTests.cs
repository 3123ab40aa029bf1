using Matching.Taxonomy;
using Xunit.Abstractions;

namespace Matching.Taxonomy.Tests;

/// <summary>
/// Title → occupation on our judged set (Data/judged-titles.tsv, 559 titles written the way Chinese and English ads
/// are): the share that resolves to an occupation and, of those, the share that resolve to one of the judged
/// occupations — for the titles looked at while the label layer was extended ("dev"), for the first held-out set (its
/// misses were read once to sort them by cause), for the second ("held-out-2", written before any fix for them) and
/// for the third ("held-out-3", written before the fifth label round; only its shares were ever read).
/// </summary>
public sealed class JudgedTitleTests(ITestOutputHelper output)
{
    private sealed record Judged(string Title, IReadOnlyList<string> Occupations, string Set);

    private static List<Judged> Load() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "judged-titles.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("title\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(fields => new Judged(fields[0], fields[1].Split('|'), fields[2]))
            .ToList();

    [Fact]
    public void The_judged_set_is_well_formed()
    {
        var judged = Load();
        var labels = Taxonomy.Shared.Occupations.Select(o => o.Label).ToHashSet(StringComparer.Ordinal);
        Assert.True(judged.Count >= 300);
        Assert.Equal(judged.Count, judged.Select(j => j.Title).Distinct().Count());
        Assert.All(judged, j => Assert.All(j.Occupations, label => Assert.Contains(label, labels)));
        Assert.All(judged, j => Assert.Contains(j.Set, new[] { "dev", "held-out", "held-out-2", "held-out-3" }));
        Assert.True(judged.Count(j => j.Set == "held-out") >= 100);
    }

    /// <summary>
    /// The floor of issue 13 (nine in ten resolve, nine in ten of those rightly) holds on the whole set. The held-out
    /// titles alone measure lower (docs/benchmarks.md): their floor guards against going back, it is not the target.
    /// </summary>
    [Theory]
    [InlineData("all", 0.9, 0.9)]
    [InlineData("dev", 0.9, 0.9)]
    [InlineData("held-out", 0.8, 0.8)]
    [InlineData("held-out-2", 0.8, 0.8)]
    [InlineData("held-out-3", 0.9, 0.85)]
    public void Titles_resolve_to_the_judged_occupation(string set, double resolvedFloor, double rightFloor)
    {
        var judged = Load().Where(j => set == "all" || j.Set == set).ToList();
        var resolved = 0;
        var right = 0;
        // The held-out sets' misses stay unprinted while labels are added (docs/benchmarks.md).
        void Miss(string line)
        {
            if (set == "dev") output.WriteLine(line);
        }
        foreach (var title in judged)
        {
            var occupation = Taxonomy.Shared.OccupationOfTitle(title.Title);
            if (occupation is null)
            {
                Miss($"unresolved  {title.Title}  (judged: {string.Join(" | ", title.Occupations)})");
                continue;
            }
            resolved++;
            if (title.Occupations.Contains(occupation.Label)) right++;
            else Miss($"wrong       {title.Title} → {occupation.Label} ({occupation.LabelZh})  (judged: {string.Join(" | ", title.Occupations)})");
        }
        var resolvedShare = (double)resolved / judged.Count;
        var rightShare = resolved == 0 ? 0 : (double)right / resolved;
        output.WriteLine($"{set}: {judged.Count} titles, {resolved} resolved ({resolvedShare:P1}), {right} of them right ({rightShare:P1})");
        Assert.True(resolvedShare >= resolvedFloor, $"{set}: {resolvedShare:P1} resolved");
        Assert.True(rightShare >= rightFloor, $"{set}: {rightShare:P1} of the resolved right");
    }
}

public sealed class NegationTests
{
    [Theory]
    [InlineData("不会开叉车")]
    [InlineData("no forklift experience")]
    public void A_denied_skill_is_not_extracted(string text) =>
        Assert.DoesNotContain(Taxonomy.Shared.Extract(text, ConceptKind.Skill), concept => concept.Label.Contains("forklift", StringComparison.Ordinal));

    [Fact]
    public void The_affirmed_clause_still_counts()
    {
        var found = Taxonomy.Shared.Extract("不会开叉车，会操作叉车也行", ConceptKind.Skill);
        Assert.Contains(found, concept => concept.Label.Contains("forklift", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolving_typed_skills_respects_negation() =>
        Assert.DoesNotContain(Taxonomy.Shared.ResolveSkills(["不会开叉车"]), id => Taxonomy.Shared[id].Label.Contains("forklift", StringComparison.Ordinal));
}
