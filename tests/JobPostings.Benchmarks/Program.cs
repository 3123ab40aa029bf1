// Search benchmark: seeds N published postings (default 300,000) into a scratch database on a real PostgreSQL,
// loads them into the in-process Lucene index as the service does at start (build time, memory), runs the common query
// shapes through IndexedSearch (what GET /api/postings/search runs) and through the PostgreSQL SearchStore on the same
// data in the same run, and prints p50/p95 as Markdown for docs/benchmarks.md.
//   dotnet run -c Release --project tests/JobPostings.Benchmarks -- [count] [--keep]   (--keep: keep the database; the next run reuses it)
//   … -- [count] --keep --stages   where the time of each shape goes (freshness check, index search wall and CPU time, whole path)
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
using JobPostings.Benchmarks.Baseline;
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
    await TrigramSearchStore.AddSchemaAsync(judged);
    var postings = JudgedSet.Postings();
    await SeedPostings.CopyAsync(judged, postings.Select(RelevanceHarness.ToRow));
    using var luceneIndex = new SearchIndex();
    using var luceneFeed = new SearchIndexFeed(judged, luceneIndex, Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndexFeed>.Instance);
    var judgedIndex = new IndexedSearch(judged, luceneIndex, luceneFeed);
    await RelevanceHarness.RunAsync(postings, [
        ("before (trigram bigrams)", RelevanceHarness.Through(new TrigramSearchStore(judged).SearchAsync)),
        ("PostgreSQL (segmented terms + concepts, ts_rank)", RelevanceHarness.Through(new SearchStore(judged).SearchAsync)),
        ("Lucene index (same terms, BM25)", RelevanceHarness.Through(judgedIndex.SearchAsync)),
    ]);
    return;
}
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 300_000;
var keep = args.Contains("--keep");
const string DatabaseName = "bench_postings_search";
Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

// A database kept by an earlier run (--keep) with the same number of postings is reused: seeding 300,000 takes minutes.
var (dataSource, reused) = await ScratchDatabase.OpenOrCreateAsync(server, DatabaseName, count);
await using var _ = dataSource;
if (!reused)
{
    await TrigramSearchStore.AddSchemaAsync(dataSource);
    var seeding = Stopwatch.StartNew();
    await SeedPostings.SeedAsync(dataSource, count);
    Console.WriteLine($"Seeded {count:N0} postings in {seeding.Elapsed.TotalSeconds:F1} s (COPY, both search columns, their GIN indexes maintained while loading, ANALYZE).");
}
await ReportIndexAsync(dataSource);

var store = new SearchStore(dataSource);
SearchTerms.Warm();
SearchQuery Query(string? q = null, string? region = null, double? lat = null, double? lng = null, double? radiusKm = null, decimal? salary = null,
    bool? includeUnstated = null, string[]? types = null, bool? entryLevel = null, string[]? keyGroups = null, string? sort = null, string? after = null, int? page = null,
    decimal? salaryTo = null, string? education = null, int? experienceYears = null) =>
    new(q, region, lat, lng, radiusKm, null, salary, includeUnstated, types, entryLevel, keyGroups, null, sort, 20, after, page, salaryTo, education, experienceYears);

// The in-process index the endpoint serves from (decision 064), loaded from the same database the way the service loads it at start.
GC.Collect();
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
using var index = new SearchIndex();
using var feed = new SearchIndexFeed(dataSource, index, Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndexFeed>.Instance);
var building = Stopwatch.StartNew();
await feed.FreshAsync();
var built = building.Elapsed;
var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
var indexed = new IndexedSearch(dataSource, index, feed);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Lucene.Net index: {index.Count:N0} live postings read from PostgreSQL and indexed in {built.TotalSeconds:F1} s; index {index.SizeInBytes / 1048576.0:F1} MiB in RAM, managed heap +{(heapAfter - heapBefore) / 1048576.0:F0} MiB; process working set {Environment.WorkingSet / 1048576.0:F0} MiB; segments {string.Join(" + ", index.SegmentSizes.Select(size => size.ToString("N0", CultureInfo.InvariantCulture)))}."));

var shapes = new List<(string Name, SearchQuery Query)>
{
    ("Chinese text 焊工, relevance", Query(q: "焊工")),
    ("Chinese text 叉车司机 in a city (150200), relevance", Query(q: "叉车司机", region: "150200")),
    ("English text \"driver\", relevance", Query(q: "driver")),
    ("Browse a city (150200), newest", Query(region: "150200")),
    ("Within 30 km of Hohhot, by distance", Query(lat: 40.83, lng: 111.73, radiusKm: 30, sort: "distance")),
    ("Salary ≥ 6000 incl. unstated, entry level, graduate-friendly, newest", Query(salary: 6000, includeUnstated: true, entryLevel: true, keyGroups: ["graduateFriendly"])),
    ("Pay 5000–8000, senior high school, ≤ 3 years, newest", Query(salary: 5000, salaryTo: 8000, education: "seniorHigh", experienceYears: 3)),
    ("Internships across the region, by salary", Query(types: ["internship"], sort: "salary")),
    ("Everything, newest (no filter)", Query()),
    ("Everything, newest, page 3 (numbered)", Query(page: 3)),
    ("English for a Chinese posting: \"forklift driver\", relevance", Query(q: "forklift driver")),
    ("Synonym 叉车工 (postings say 叉车司机), relevance", Query(q: "叉车工")),
    ("Typed place 包头 叉车司机, relevance", Query(q: "包头 叉车司机")),
};
// Page 2 of the broadest browse, through the cursor page 1 returned (each search's own cursor).
var storeCursor = (await store.SearchAsync(Query(), CancellationToken.None)).Next;
var indexCursor = (await indexed.SearchAsync(Query(), CancellationToken.None)).Next;
shapes.Add(("Everything, newest, page 2 (keyset cursor)", Query(after: "cursor")));

if (args.Contains("--stages"))
{
    // Where a search's time goes, per shape: the freshness check (one read of the change feed), the index's search (the
    // words read, the query run, every match counted into the total and the facets, the page kept) in wall time and in
    // this process's CPU time (the benchmark's own thread does nothing else meanwhile), and the whole endpoint path.
    Console.WriteLine();
    // Each shape on one thread (one slice) and split across the cores (SearchSlices), in turn, on the same index.
    var sliced = index.Slices;
    Console.WriteLine($"| query shape | matches | fresh p50 | slices | index search p50 | index search p95 | index search CPU / search | whole p50 | whole p95 |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, shape) in shapes.Where(shape => shape.Query.After is null))
    {
        foreach (var slices in sliced > 1 ? [1, sliced] : new[] { 1 })
        {
            index.Slices = slices;
            var fresh = await TimeAsync(async () => { await feed.FreshAsync(); return 0; });
            var searching = await TimeAsync(() => Task.FromResult(index.Search(shape, SearchTerms.Interpret(shape.Q))));
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            const int CpuRuns = 40;
            var matches = 0L;
            for (var i = 0; i < CpuRuns; i++) matches = index.Search(shape, SearchTerms.Interpret(shape.Q)).Total;
            var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / CpuRuns;
            var whole = await TimeAsync(() => indexed.SearchAsync(shape, CancellationToken.None));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {matches:N0} | {Percentile(fresh, 50):F1} ms | {slices} | {Percentile(searching, 50):F1} ms | {Percentile(searching, 95):F1} ms | {cpuPerSearch:F1} ms | {Percentile(whole, 50):F1} ms | {Percentile(whole, 95):F1} ms |"));
        }
    }
    index.Slices = sliced;
    Console.WriteLine();
    return;
}

Console.WriteLine();
Console.WriteLine($"| query shape | total PostgreSQL | total Lucene | p50 PostgreSQL (SearchStore) | p95 PostgreSQL | p50 Lucene, one slice | p95 Lucene, one slice | p50 Lucene (IndexedSearch, {index.Slices} slices) | p95 Lucene | p95 PostgreSQL / Lucene |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, shape) in shapes)
{
    var sqlQuery = shape.After is null ? shape : shape with { After = storeCursor };
    var luceneQuery = shape.After is null ? shape : shape with { After = indexCursor };
    var sqlTimes = await TimeAsync(() => store.SearchAsync(sqlQuery, CancellationToken.None));
    var slices = index.Slices;
    index.Slices = 1;
    var oneSliceTimes = await TimeAsync(() => indexed.SearchAsync(luceneQuery, CancellationToken.None));
    index.Slices = slices;
    var luceneTimes = await TimeAsync(() => indexed.SearchAsync(luceneQuery, CancellationToken.None));
    var sqlPage = await store.SearchAsync(sqlQuery, CancellationToken.None);
    var lucenePage = await indexed.SearchAsync(luceneQuery, CancellationToken.None);
    static string Total(SearchPage page) => page.TotalIsLowerBound ? $"{page.Total:N0}+" : page.Total.ToString("N0", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Total(sqlPage)} | {Total(lucenePage)} | {Percentile(sqlTimes, 50):F1} ms | {Percentile(sqlTimes, 95):F1} ms | {Percentile(oneSliceTimes, 50):F1} ms | {Percentile(oneSliceTimes, 95):F1} ms | {Percentile(luceneTimes, 50):F1} ms | {Percentile(luceneTimes, 95):F1} ms | {Percentile(sqlTimes, 95) / Percentile(luceneTimes, 95):F1}× |"));
}
Console.WriteLine();

if (!keep)
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
    await admin.OpenAsync();
    await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
}

static async Task ReportIndexAsync(NpgsqlDataSource dataSource)
{
    var sample = JudgedSet.Postings();
    var watch = Stopwatch.StartNew();
    foreach (var posting in sample) SearchTerms.Document(posting.Title, posting.Description, posting.Skills);
    var perPosting = watch.Elapsed.TotalMilliseconds / sample.Count;
    await using var connection = await dataSource.OpenConnectionAsync();
    var sizes = await connection.QuerySingleAsync<(long Terms, long Trigram, long Table)>(
        "SELECT pg_relation_size('postings_search_terms'), pg_relation_size('postings_search_text'), pg_total_relation_size('postings')");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Terms of one posting (SearchTerms.Document, {sample.Count} distinct judged-set postings, taxonomy loaded): {perPosting:F2} ms. " +
        $"GIN index on search_terms {sizes.Terms / 1048576.0:F1} MiB, trigram index of the baseline {sizes.Trigram / 1048576.0:F1} MiB, table with indexes {sizes.Table / 1048576.0:F0} MiB; " +
        $"process working set {Environment.WorkingSet / 1048576.0:F0} MiB (taxonomy and segmenter dictionary loaded)."));
}

static async Task<List<double>> TimeAsync<T>(Func<Task<T>> run, int warmup = 5, int iterations = 40)
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
