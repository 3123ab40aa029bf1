using Xunit.Abstractions;

namespace Matching.Taxonomy.Tests;

/// <summary>
/// The crosswalk 大典 细类 → ISCO-08 unit group → ESCO occupations (Data/dadian/crosswalk.tsv): coverage, its use by the
/// taxonomy, and its precision on the judged sample (Data/crosswalk-judged.tsv, docs/decisions/060).
/// </summary>
public sealed class CrosswalkTests(ITestOutputHelper output)
{
    private sealed record Judged(string Code, string Name, IReadOnlyList<string> Groups, IReadOnlyList<string>? Occupations);

    private static List<Judged> LoadJudged(string file = "crosswalk-judged.tsv") =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("code\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(f => new Judged(f[0], f[1], f[2].Split(' '), f.Length < 4 || f[3].Length == 0 ? null : f[3] == "-" ? [] : f[3].Split('|')))
            .ToList();

    private static SkillTaxonomy Shared => Taxonomy.Shared;

    [Fact]
    public void Every_occupation_is_mapped_to_a_unit_group_and_most_named_ones_to_ESCO_occupations()
    {
        var occupations = Shared.National.Occupations;
        Assert.All(occupations, o => Assert.Matches(@"^\d{4}$", o.Crosswalk!.IscoGroup));
        var withEsco = occupations.Count(o => o.Crosswalk!.EscoOccupationUris.Count > 0);
        output.WriteLine($"{occupations.Count} 细类: all mapped to a unit group, {withEsco} ({(double)withEsco / occupations.Count:P1}) to ESCO occupations");
        Assert.True(withEsco >= 0.45 * occupations.Count, $"{withEsco} 细类 mapped to ESCO occupations");
        Assert.All(occupations.Where(o => o.Crosswalk!.EscoOccupationUris.Count > 0), o =>
            Assert.All(Shared.EscoOccupationsOf(o.Code), id => Assert.Equal(o.Crosswalk!.IscoGroup, Shared[id].IscoCode![..4])));
    }

    [Fact]
    public void The_judged_sample_is_well_formed()
    {
        var judged = LoadJudged();
        var labels = Shared.Occupations.Select(o => o.Label).ToHashSet(StringComparer.Ordinal);
        Assert.True(judged.Count >= 300);
        Assert.Equal(judged.Count, judged.Select(j => j.Code).Distinct().Count());
        Assert.All(judged, j => Assert.Equal(j.Name, Shared.National.Find(j.Code)!.Name));
        Assert.All(judged, j => Assert.All(j.Groups, g => Assert.Matches(@"^\d{4}$", g)));
        Assert.All(judged.Where(j => j.Occupations is not null), j => Assert.All(j.Occupations!, label => Assert.Contains(label, labels)));
    }

    /// <summary>
    /// Unit group right when it is one of the judged groups; occupation right when the ESCO occupation the crosswalk
    /// names first is one judged right (one named but never judged counts as wrong). Floors a little under the
    /// figures measured on 2026-12-04 with the per-细类 backbone (docs/decisions/060, fourth round): 0.979 over all
    /// judged 细类, 0.981 where the crosswalk names ESCO occupations, 0.764 for the first-named occupation counting the
    /// never-judged as wrong, 0.831 over the named 细类 whose occupations were judged (was 0.832). The strict figure fell
    /// from 0.821 because eleven judged 细类 that were mapped to a unit group only now name an occupation nobody has
    /// judged (13 named but never judged, was 2); judging those answers would settle it.
    /// </summary>
    [Fact]
    public void The_crosswalk_holds_its_precision_on_the_judged_sample()
    {
        var judged = LoadJudged();
        int groupRight = 0, named = 0, namedGroupRight = 0, occupationRight = 0, namedUnjudged = 0;
        foreach (var j in judged)
        {
            var entry = Shared.National.Find(j.Code)!.Crosswalk!;
            var groupOk = j.Groups.Contains(entry.IscoGroup);
            groupRight += groupOk ? 1 : 0;
            if (!groupOk) output.WriteLine($"unit group  {j.Code} {j.Name}: {entry.IscoGroup} (judged {string.Join(" ", j.Groups)})");
            if (entry.EscoOccupationUris.Count == 0) continue;
            named++;
            namedGroupRight += groupOk ? 1 : 0;
            var first = Shared.Find(entry.EscoOccupationUris[0])!.Label;
            namedUnjudged += j.Occupations is null ? 1 : 0;
            if (j.Occupations?.Contains(first) == true) occupationRight++;
            else output.WriteLine($"occupation  {j.Code} {j.Name}: {first}{(j.Occupations is null ? " (not judged)" : "")}");
        }
        double all = (double)groupRight / judged.Count, whereNamed = (double)namedGroupRight / named, occupation = (double)occupationRight / named;
        var onJudged = (double)occupationRight / (named - namedUnjudged);
        output.WriteLine($"{judged.Count} judged: unit group right {all:P1} ({groupRight}); where ESCO occupations are named ({named}): unit group {whereNamed:P1}, first occupation {occupation:P1}; "
            + $"{namedUnjudged} named but never judged, first occupation {onJudged:P1} over the other {named - namedUnjudged}");
        Assert.True(all >= 0.96, $"unit group precision {all:P1}");
        Assert.True(whereNamed >= 0.96, $"unit group precision where ESCO occupations are named {whereNamed:P1}");
        Assert.True(occupation >= 0.75, $"occupation precision {occupation:P1}");
        Assert.True(onJudged >= 0.82, $"occupation precision over judged occupations {onJudged:P1}");
    }

    /// <summary>
    /// The held-out sample (Data/crosswalk-heldout.tsv: every fifteenth 细类 from the third, none in the judged sample,
    /// judged 2026-12-04 before the crosswalk's answers were read and never used to tune it): unit group right 84.5 %
    /// (93 of 110) measured on the crosswalk of 2026-12-03, 90.0 % (99 of 110) with the per-细类 backbone (written
    /// blind to this sample, docs/decisions/060 fourth round); the floor sits a little under it.
    /// </summary>
    [Fact]
    public void The_crosswalk_holds_its_unit_group_precision_on_the_held_out_sample()
    {
        var precision = HeldOutPrecision("crosswalk-heldout.tsv", "held out", LoadJudged());
        Assert.True(precision >= 0.88, $"held-out unit group precision {precision:P1}");
    }

    /// <summary>
    /// The second held-out sample (Data/crosswalk-heldout-2.tsv, docs/decisions/060 fifth round: every fifteenth 细类
    /// from the eighth, none in the other two samples, judged blind and committed before the crosswalk was read or
    /// scored on it, measured once on the crosswalk of the fourth round): unit group right 90.0 % (99 of 110) on
    /// 2026-12-04; the floor sits a little under it.
    /// </summary>
    [Fact]
    public void The_crosswalk_holds_its_unit_group_precision_on_the_second_held_out_sample()
    {
        var precision = HeldOutPrecision("crosswalk-heldout-2.tsv", "held out (second sample)", [.. LoadJudged(), .. LoadJudged("crosswalk-heldout.tsv")]);
        Assert.True(precision >= 0.88, $"second held-out unit group precision {precision:P1}");
    }

    /// <summary>
    /// A held-out sample's share of 细类 whose unit group the crosswalk has right, after checking the sample is well formed
    /// (100 or more distinct codes with their classification names, four-digit groups) and shares no code with the
    /// samples it must stay apart from; each miss is written out.
    /// </summary>
    private double HeldOutPrecision(string file, string label, List<Judged> apartFrom)
    {
        var heldOut = LoadJudged(file);
        Assert.True(heldOut.Count >= 100);
        Assert.Empty(heldOut.Select(j => j.Code).Intersect(apartFrom.Select(j => j.Code)));
        Assert.Equal(heldOut.Count, heldOut.Select(j => j.Code).Distinct().Count());
        Assert.All(heldOut, j => Assert.Equal(j.Name, Shared.National.Find(j.Code)!.Name));
        Assert.All(heldOut, j => Assert.All(j.Groups, g => Assert.Matches(@"^\d{4}$", g)));
        var right = 0;
        foreach (var j in heldOut)
        {
            var group = Shared.National.Find(j.Code)!.Crosswalk!.IscoGroup;
            if (j.Groups.Contains(group)) right++;
            else output.WriteLine($"unit group  {j.Code} {j.Name}: {group} (judged {string.Join(" ", j.Groups)})");
        }
        var precision = (double)right / heldOut.Count;
        output.WriteLine($"{heldOut.Count} {label}: unit group right {precision:P1} ({right})");
        return precision;
    }

    [Fact]
    public void A_national_code_stands_for_its_ESCO_occupations_and_back()
    {
        var cargo = Shared.EscoOccupationsOf("4-02-02-02");
        Assert.NotEmpty(cargo);
        Assert.All(cargo, id => Assert.StartsWith("8332", Shared[id].IscoCode, StringComparison.Ordinal));
        Assert.Contains(Shared.NationalOccupationsOf(cargo[0]), o => o.Code == "4-02-02-02");
        Assert.Equal(cargo, Shared.ResolveOccupations(["4-02-02-02"]));
        Assert.Empty(Shared.EscoOccupationsOf("4-02-02-99"));
        Assert.Empty(Shared.EscoOccupationsOf("4-02-02"));
    }

    [Fact]
    public void A_code_the_evidence_could_not_map_stands_for_its_unit_group()
    {
        var unmapped = Shared.National.Occupations.First(o => o.SameAs is null && o.Crosswalk!.EscoOccupationUris.Count == 0);
        var ids = Shared.EscoOccupationsOf(unmapped.Code);
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith(unmapped.Crosswalk!.IscoGroup, Shared[id].IscoCode, StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_code_maps_as_the_code_it_repeats() =>
        Assert.Equal(Shared.EscoOccupationsOf("2-07-11-01"), Shared.EscoOccupationsOf("2-07-10-01"));

    [Theory]
    [InlineData("道路货运汽车驾驶员", "4-02-02-02")]
    [InlineData("急招货运司机3名 包吃住", "4-02-02-02")]
    [InlineData("Java开发工程师", "2-02-10-03")]
    [InlineData("招聘焊工", "6-18-02-04")]
    [InlineData("硫酸生产工", "6-11-02-01")]
    public void A_title_names_a_national_occupation(string title, string code) =>
        Assert.Equal(code, Shared.NationalOccupationOfTitle(title)?.Code);

    [Fact]
    public void A_national_name_resolves_to_the_ESCO_occupation_its_crosswalk_names() =>
        Assert.Equal(Shared.EscoOccupationsOf("4-02-02-02")[0], Shared.Find("道路货运汽车驾驶员", ConceptKind.Occupation)?.Id);

    [Fact]
    public void Our_Chinese_labels_still_win_over_national_aliases()
    {
        // 叉车司机 is a recruiting alias of 起重装卸机械操作工 (mapped to a crane operator) and our label for forklift operator.
        Assert.Equal(Uris.ForkliftOperator, Shared.Find("叉车司机", ConceptKind.Occupation)?.EscoUri);
    }
}
