using System.Text.Json;
using JobPostings.Api.Search;

namespace JobPostings.Tests.Unit;

/// <summary>
/// A search split into slices (SearchSlices) answers exactly what the same search on one thread answers: the page in
/// order, distances, the cursor on, the total and every facet count — over an index of several segments, with postings
/// replaced and removed, and skewed, noisy data (most postings in one city, many sharing a title, some without pay or
/// place).
/// </summary>
public sealed class SearchSlicesTests
{
    private static readonly string[] Titles =
    [
        "焊工", "电焊工（急招）", "二保焊焊工 包吃住", "叉车司机", "叉车工 3000-6000", "Forklift driver!!", "仓库管理员", "收银员", "普工 长白班", "welder needed",
        "餐厅服务员", "保安", "会计", "牧场饲养员", "焊工学徒",
    ];
    private static readonly string[] Regions = ["150203", "150203", "150203", "150102", "150105", "150602", "152502", "150203"];
    private static readonly string[] Types = ["FullTime", "FullTime", "FullTime", "PartTime", "Internship", "Grassroots"];
    private static readonly string[] Educations = ["None", "JuniorMiddle", "SeniorHigh", "Vocational", "College", "Bachelor"];
    private static readonly string[] Groups = ["GraduateFriendly", "VeteranPriority", "AccommodationProvided", "RuralFriendly"];

    private static IndexedPosting Posting(Random random, Guid id)
    {
        var title = Titles[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * Titles.Length)];
        var paid = random.NextDouble() < 0.8;
        var placed = random.NextDouble() < 0.9;
        return new IndexedPosting
        {
            Id = id,
            Live = true,
            Terms = SearchTerms.Document(title, random.NextDouble() < 0.5 ? "需要焊工证，会二保焊，叉车证优先" : "工作地点在园区，包吃住", random.NextDouble() < 0.3 ? ["焊接"] : []),
            EmploymentType = Types[random.Next(Types.Length)],
            RegionCode = Regions[random.Next(Regions.Length)],
            SalaryMin = paid ? 3000 + random.Next(10) * 500 : null,
            SalaryMax = paid ? 6000 + random.Next(10) * 500 : null,
            Education = Educations[random.Next(Educations.Length)],
            ExperienceYears = random.Next(4),
            KeyGroups = [.. Groups.Where(_ => random.NextDouble() < 0.2)],
            Latitude = placed ? 40.6 + random.NextDouble() * 0.4 : null,
            Longitude = placed ? 109.7 + random.NextDouble() * 2 : null,
            // Whole days, so many postings tie on recency and the id key decides.
            PublishedAt = DateTime.UtcNow.Date.AddDays(-random.Next(30)),
            ValidUntil = random.NextDouble() < 0.05 ? DateTime.UtcNow.AddDays(-1) : DateTime.UtcNow.AddDays(30),
        };
    }

    private static SearchQuery Query(string? q = null, string? region = null, double? lat = null, double? lng = null, double? radiusKm = null,
        decimal? salary = null, string[]? types = null, string[]? keyGroups = null, string? sort = null, string? after = null, int? page = null,
        string? education = null) =>
        new(q, region, lat, lng, radiusKm, null, salary, null, types, null, keyGroups, null, sort, 20, after, page, null, education);

    public static TheoryData<string> Shapes() => ["焊工", "叉车司机 browse", "everything", "radius", "pay", "types", "page3", "cursor", "包头 焊工"];

    private static SearchQuery Shape(string name) => name switch
    {
        "焊工" => Query(q: "焊工"),
        "叉车司机 browse" => Query(q: "叉车司机", region: "150200"),
        "everything" => Query(),
        "radius" => Query(lat: 40.65, lng: 109.84, radiusKm: 30, sort: "distance"),
        "pay" => Query(salary: 6000, education: "seniorHigh", keyGroups: ["graduateFriendly"]),
        "types" => Query(types: ["fullTime", "internship"], sort: "salary"),
        "page3" => Query(q: "焊工", page: 3),
        "包头 焊工" => Query(q: "包头 焊工"),
        _ => Query(q: "焊工", after: "next"),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_sliced_search_answers_what_one_thread_answers(string shape)
    {
        var random = new Random(20261204);
        using var index = new SearchIndex { SlicedFrom = 0 };
        var ids = Enumerable.Range(0, 4_000).Select(_ => Guid.NewGuid()).ToList();
        // Six batches, so the index has several segments; then some postings replaced and some removed.
        foreach (var batch in ids.Chunk(700)) index.Apply(batch.Select(id => Posting(random, id)));
        index.Apply(ids.Where((_, i) => i % 17 == 0).Select(id => Posting(random, id)));
        index.Apply(ids.Where((_, i) => i % 23 == 0).Select(id => new IndexedPosting { Id = id, Live = false }));

        var query = Shape(shape);
        if (query.After is not null) query = query with { After = Search(index, Query(q: "焊工"), slices: 1).Next };
        var single = Search(index, query, slices: 1);
        Assert.True(single.Total > 40, $"{shape}: {single.Total} matches is too few to say anything");
        // Two, three and seven slices deal whole segments; five cannot without one slice far over its share, so it cuts segments.
        foreach (var slices in new[] { 2, 3, 5, 7 })
        {
            var sliced = Search(index, query, slices);
            Assert.Equal(single.Hits, sliced.Hits);
            Assert.Equal(single.Next, sliced.Next);
            Assert.Equal(single.Total, sliced.Total);
            Assert.Equal(JsonSerializer.Serialize(single.Facets), JsonSerializer.Serialize(sliced.Facets));
        }
    }

    private static IndexPage Search(SearchIndex index, SearchQuery query, int slices)
    {
        index.Slices = slices;
        return index.Search(query, SearchTerms.Interpret(query.Q));
    }
}
