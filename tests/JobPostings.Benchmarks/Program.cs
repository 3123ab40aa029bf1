// Search benchmark: seeds N published postings (default 100,000) into a scratch database on a real PostgreSQL,
// runs the common query shapes through SearchStore (what GET /api/postings/search runs), and prints p50/p95 and
// the EXPLAIN ANALYZE plan of each shape's page query as Markdown for docs/benchmarks.md.
//   dotnet run -c Release --project tests/JobPostings.Benchmarks -- [count] [--keep]
// Server: JOBMATCH_BENCH_POSTGRES, else the local run's server on 127.0.0.1:55432.
// The judged relevance set (NDCG@10): dotnet run -c Release --project tests/JobPostings.Benchmarks -- relevance
// Screening and the salary guide instead: dotnet run -c Release --project tests/JobPostings.Benchmarks -- screening [count]
using System.Diagnostics;
using System.Globalization;
using Dapper;
using JobMatch.ServiceDefaults.Data;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;
using JobPostings.Benchmarks;
using JobPostings.Benchmarks.Relevance;
using Npgsql;

var server = Environment.GetEnvironmentVariable("JOBMATCH_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";
if (args.FirstOrDefault() == "screening")
{
    await ScreeningBenchmark.RunAsync(server, args.Length > 1 && int.TryParse(args[1], out var seeded) ? seeded : 100_000);
    return;
}
if (args.FirstOrDefault() == "relevance")
{
    Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    await using var judged = await ScratchDatabase.CreateAsync(server, "bench_search_relevance");
    var postings = JudgedSet.Postings();
    await SeedPostings.CopyAsync(judged, postings.Select(RelevanceHarness.ToRow));
    await RelevanceHarness.RunAsync(judged, postings, [("today (trigram bigrams)", RelevanceHarness.Through(new SearchStore(judged)))]);
    return;
}
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
var keep = args.Contains("--keep");
const string DatabaseName = "bench_postings_search";
Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

await using var dataSource = await ScratchDatabase.CreateAsync(server, DatabaseName);

var seeding = Stopwatch.StartNew();
await SeedPostings.SeedAsync(dataSource, count);
Console.Error.WriteLine($"seeded {count} postings in {seeding.Elapsed.TotalSeconds:F1} s");

var store = new SearchStore(dataSource);
SearchQuery Query(string? q = null, string? region = null, double? lat = null, double? lng = null, double? radiusKm = null, decimal? salary = null,
    bool? includeUnstated = null, string[]? types = null, bool? entryLevel = null, string[]? keyGroups = null, string? sort = null, string? after = null) =>
    new(q, region, lat, lng, radiusKm, null, salary, includeUnstated, types, entryLevel, keyGroups, null, sort, 20, after);

var shapes = new List<(string Name, SearchQuery Query)>
{
    ("Chinese text 焊工, relevance", Query(q: "焊工")),
    ("Chinese text 叉车司机 in a city (150200), relevance", Query(q: "叉车司机", region: "150200")),
    ("English text \"driver\", relevance", Query(q: "driver")),
    ("Browse a city (150200), newest", Query(region: "150200")),
    ("Within 30 km of Hohhot, by distance", Query(lat: 40.83, lng: 111.73, radiusKm: 30, sort: "distance")),
    ("Salary ≥ 6000 incl. unstated, entry level, graduate-friendly, newest", Query(salary: 6000, includeUnstated: true, entryLevel: true, keyGroups: ["graduateFriendly"])),
    ("Internships across the region, by salary", Query(types: ["internship"], sort: "salary")),
    ("Everything, newest (no filter)", Query()),
};
// Page 2 of the broadest browse, through the cursor page 1 returned.
var firstPage = await store.SearchAsync(Query(), CancellationToken.None);
shapes.Add(("Everything, newest, page 2 (keyset cursor)", Query(after: firstPage.Next)));

Console.WriteLine($"| query shape | hits on page | p50 page query | p95 page query | p50 endpoint (page + facets) | p95 endpoint |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
var plans = new List<string>();
foreach (var (name, query) in shapes)
{
    var (sql, parameters, where) = SearchStore.PageQuery(query);
    await using var connection = await dataSource.OpenConnectionAsync();
    var pageTimes = await TimeAsync(() => connection.QueryAsync(sql, parameters));
    var endpointTimes = await TimeAsync(() => store.SearchAsync(query, CancellationToken.None));
    var hits = (await store.SearchAsync(query, CancellationToken.None)).Items.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {hits} | {Percentile(pageTimes, 50):F1} ms | {Percentile(pageTimes, 95):F1} ms | {Percentile(endpointTimes, 50):F1} ms | {Percentile(endpointTimes, 95):F1} ms |"));
    var plan = await connection.QueryAsync<string>("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, parameters);
    plans.Add($"**{name}**\n\n```\n{string.Join('\n', plan)}\n```\n");
    if (name.StartsWith("Salary", StringComparison.Ordinal))
    {
        var facetPlan = await connection.QueryAsync<string>("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + SearchStore.FacetQuery(where), parameters);
        plans.Add($"**{name} — facet counts**\n\n```\n{string.Join('\n', facetPlan)}\n```\n");
    }
}
Console.WriteLine();
foreach (var plan in plans) Console.WriteLine(plan);

if (!keep)
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
    await admin.OpenAsync();
    await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
}

static async Task<List<double>> TimeAsync<T>(Func<Task<T>> run, int warmup = 10, int iterations = 100)
{
    for (var i = 0; i < warmup; i++) await run();
    var times = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return times;
}

static double Percentile(List<double> times, int percentile)
{
    var sorted = times.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
