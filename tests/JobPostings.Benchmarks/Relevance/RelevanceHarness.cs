using System.Globalization;
using JobPostings.Api.Search;

namespace JobPostings.Benchmarks.Relevance;

/// <summary>
/// NDCG@10 of search on the judged set (<see cref="JudgedSet"/>, synthetic): seeds its postings into a scratch
/// database, runs every judged query through each search given, and prints a Markdown table by query category,
/// with how many expired or duplicate postings were shown (must be none).
///   dotnet run -c Release --project tests/JobPostings.Benchmarks -- relevance
/// </summary>
public static class RelevanceHarness
{
    public const int Depth = 10;

    public delegate Task<IReadOnlyList<Guid>> Search(string text, int limit);

    public static async Task RunAsync(IReadOnlyList<JudgedPosting> postings, IReadOnlyList<(string Name, Search Search)> searches)
    {
        var results = new List<(string Name, Dictionary<JudgedQuery, double> Ndcg, int HiddenShown)>();
        foreach (var (name, search) in searches)
        {
            var ndcg = new Dictionary<JudgedQuery, double>();
            var hiddenShown = 0;
            var byId = postings.ToDictionary(posting => posting.Id);
            foreach (var query in JudgedSet.Queries)
            {
                var shown = await search(query.Text, Depth);
                hiddenShown += shown.Count(id => byId[id].Hidden);
                ndcg[query] = Ndcg(shown.Select(id => query.Grade(byId[id])).ToList(), postings.Select(query.Grade));
            }
            results.Add((name, ndcg, hiddenShown));
        }
        Console.WriteLine($"| query category | queries | {string.Join(" | ", results.Select(result => "NDCG@10 " + result.Name))} |");
        Console.WriteLine($"|---|---:|{string.Concat(results.Select(_ => "---:|"))}");
        foreach (var category in JudgedSet.Queries.Select(query => query.Category).Distinct())
        {
            var queries = JudgedSet.Queries.Where(query => query.Category == category).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {category} | {queries.Count} | {string.Join(" | ", results.Select(result => queries.Average(query => result.Ndcg[query]).ToString("F3", CultureInfo.InvariantCulture)))} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **all** | {JudgedSet.Queries.Length} | {string.Join(" | ", results.Select(result => "**" + result.Ndcg.Values.Average().ToString("F3", CultureInfo.InvariantCulture) + "**"))} |"));
        Console.WriteLine($"| expired or duplicate postings shown | | {string.Join(" | ", results.Select(result => result.HiddenShown))} |");
        Console.WriteLine();
        Console.WriteLine("Per query (NDCG@10):");
        foreach (var query in JudgedSet.Queries)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {query.Text,-24} {string.Join("  ", results.Select(result => result.Ndcg[query].ToString("F2", CultureInfo.InvariantCulture)))}"));
        }
    }

    /// <summary>NDCG at <see cref="Depth"/> with exponential gain (2^grade − 1): the shown grades against the best order of all grades.</summary>
    public static double Ndcg(IReadOnlyList<int> shown, IEnumerable<int> all)
    {
        var ideal = Dcg(all.OrderDescending().Take(Depth).ToList());
        return ideal == 0 ? 0 : Dcg(shown.Take(Depth).ToList()) / ideal;
    }

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((grade, rank) => (Math.Pow(2, grade) - 1) / Math.Log2(rank + 2)).Sum();

    public static SeedPostings.Row ToRow(JudgedPosting posting) =>
        new(posting.Id, posting.Title, posting.Description, JudgedSet.Kinds.First(kind => kind.Key == posting.Kind).Occupation, posting.Skills, 0,
            posting.RegionCode, posting.Latitude, posting.Longitude, 5000, 8000, false, "FullTime", [], posting.PublishedAt,
            posting.Expired ? DateTime.UtcNow.AddDays(-1) : DateTime.UtcNow.AddDays(60), posting.DuplicateOf);

    /// <summary>A search store's SearchAsync, as the endpoint runs it, for the words alone.</summary>
    public static Search Through(Func<SearchQuery, CancellationToken, Task<SearchPage>> search) => async (text, limit) =>
        (await search(new SearchQuery(text, null, null, null, null, null, null, null, null, null, null, null, null, limit, null), CancellationToken.None))
            .Items.Select(hit => hit.Posting.Id).ToList();
}
