using System.Diagnostics;
using Xunit.Abstractions;

namespace Matching.Taxonomy.Tests;

public sealed class OccupationTests(ITestOutputHelper output)
{
    private static SkillTaxonomy T => Taxonomy.Shared;

    [Fact]
    public void ResolveOccupations_accepts_ESCO_codes_ISCO_groups_names_and_URIs()
    {
        var forklift = Taxonomy.ByUri(Uris.ForkliftOperator).Id;

        Assert.Equal([forklift], T.ResolveOccupations(["8344.1"]));
        var group = T.ResolveOccupations(["8344"]);
        Assert.Contains(forklift, group);
        Assert.All(group, id => Assert.StartsWith("8344.", T[id].IscoCode, StringComparison.Ordinal));
        Assert.Equal([forklift], T.ResolveOccupations(["叉车司机", "forklift operator", Uris.ForkliftOperator, "8344.1"]));
        Assert.Empty(T.ResolveOccupations(["9999", "8344.999", "", "JavaScript"]));
    }

    [Fact]
    public void ResolveOccupations_falls_back_to_occupations_named_in_the_text()
    {
        var ids = T.ResolveOccupations(["前叉车司机，兼职电工"]);
        Assert.Contains(Taxonomy.ByUri(Uris.ForkliftOperator).Id, ids);
    }

    [Fact]
    public void Similarity_is_one_on_identity_symmetric_and_below_one_otherwise()
    {
        var ids = new[] { Uris.ForkliftOperator, Uris.Welder, Uris.Electrician, Uris.BuildingElectrician, Uris.Cook, Uris.SoftwareDeveloper }
            .Select(u => Taxonomy.ByUri(u).Id).ToArray();
        foreach (var a in ids)
        {
            Assert.Equal(1.0, T.OccupationSimilarity(a, a));
            foreach (var b in ids.Where(b => b != a))
            {
                var s = T.OccupationSimilarity(a, b);
                Assert.InRange(s, 0.0, 0.99);
                Assert.Equal(s, T.OccupationSimilarity(b, a));
            }
        }
    }

    [Fact]
    public void Same_ISCO_group_is_more_similar_than_unrelated()
    {
        var electrician = Taxonomy.ByUri(Uris.Electrician).Id;
        var buildingElectrician = Taxonomy.ByUri(Uris.BuildingElectrician).Id;
        var cook = Taxonomy.ByUri(Uris.Cook).Id;
        var developer = Taxonomy.ByUri(Uris.SoftwareDeveloper).Id;

        Assert.True(T.OccupationSimilarity(electrician, buildingElectrician) >= 0.8);
        Assert.True(T.OccupationSimilarity(electrician, buildingElectrician) > T.OccupationSimilarity(electrician, cook));
        Assert.True(T.OccupationSimilarity(cook, developer) < 0.2);
        Assert.Throws<ArgumentOutOfRangeException>(() => T.OccupationSimilarity(electrician, Taxonomy.ByUri(Uris.JavaScript).Id));
    }

    [Fact]
    public void Similarity_takes_shared_essential_skills_into_account_across_groups()
    {
        // ISCO 2651 and 7323: different major groups, but nearly the same essential skills.
        var art = Taxonomy.ByUri(Uris.ArtRestorer).Id;
        var book = Taxonomy.ByUri(Uris.BookRestorer).Id;
        var x = T.EssentialSkills(art).ToArray();
        var y = T.EssentialSkills(book).ToArray();
        var jaccard = (double)x.Intersect(y).Count() / x.Union(y).Count();

        Assert.True(jaccard > 0.5, $"Jaccard {jaccard}");
        Assert.Equal(Math.Min(jaccard, 0.99), T.OccupationSimilarity(art, book), 1e-12);
        Assert.True(T.OccupationSimilarity(art, book) > T.OccupationSimilarity(art, Taxonomy.ByUri(Uris.Cook).Id));
    }

    [Fact]
    public void Batch_similarities_equal_single_ones()
    {
        var a = Taxonomy.ByUri(Uris.Electrician).Id;
        var others = Enumerable.Range(0, T.Occupations.Count).ToArray();
        var into = new double[others.Length];

        T.OccupationSimilarities(a, others, into);

        for (var b = 0; b < others.Length; b++)
        {
            Assert.Equal(T.OccupationSimilarity(a, b), into[b], 1e-12);
        }
    }

    [Fact]
    public void Similarity_cost_is_measured()
    {
        var forklift = Taxonomy.ByUri(Uris.ForkliftOperator).Id;
        var sum = 0.0;
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < 100; round++)
        {
            for (var b = 0; b < T.Occupations.Count; b++)
            {
                sum += T.OccupationSimilarity(forklift, b);
            }
        }

        stopwatch.Stop();
        output.WriteLine($"OccupationSimilarity: {stopwatch.Elapsed.TotalNanoseconds / (100.0 * T.Occupations.Count):F0} ns per call");
        Assert.True(sum > 100);
    }

    [Theory]
    [InlineData("汽车驾驶员", Uris.CargoVehicleDriver)]
    [InlineData("military vehicle driver", Uris.CargoVehicleDriver)]
    [InlineData("M01", Uris.CargoVehicleDriver)]
    [InlineData("炊事员", Uris.Cook)]
    [InlineData("电工", Uris.Electrician)]
    [InlineData("无人机操作员", Uris.DronePilot)]
    [InlineData("原部队汽车驾驶员（二级）", Uris.CargoVehicleDriver)]
    public void Veterans_military_specialties_map_to_civilian_occupations(string specialty, string expected)
    {
        var civilian = T.CivilianOccupationsFor(specialty);
        Assert.Equal(expected, civilian[0].EscoUri);
        Assert.All(civilian, c => Assert.Equal(ConceptKind.Occupation, c.Kind));
    }

    [Fact]
    public void An_unknown_military_specialty_maps_to_nothing() => Assert.Empty(T.CivilianOccupationsFor("宇航员"));
}
