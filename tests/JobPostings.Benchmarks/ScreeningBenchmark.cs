using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using JobMatch.ServiceDefaults.Data;
using JobPostings.Api.Postings;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobPostings.Benchmarks;

/// <summary>
/// Screening's cost: the normalisation alone against the whole screening of a posting (every rule on the folded text),
/// over every posting of the screening corpora; then the salary guide over N seeded postings — its refresh, and the
/// benchmark lookup publishing makes. Prints Markdown for docs/benchmarks.md.
///   dotnet run -c Release --project tests/JobPostings.Benchmarks -- screening [count]
/// </summary>
public static class ScreeningBenchmark
{
    private const string DatabaseName = "bench_postings_screening";

    public static async Task RunAsync(string server, int count)
    {
        ScreenCorpora();
        await SalaryGuideAsync(server, count);
    }

    private sealed record CorpusPosting(string Title, string Description, string? OccupationCode, string[] Skills, int? ExperienceYears, decimal? SalaryMin, decimal? SalaryMax);

    private static void ScreenCorpora()
    {
        var folder = Path.Combine("tests", "JobPostings.Tests", "Screening");
        var postings = new[] { "corpus.json", "evasion.json", "clean.json", "heldout.json", "heldout-2026.json" }
            .SelectMany(file => JsonSerializer.Deserialize<List<CorpusPosting>>(File.ReadAllText(Path.Combine(folder, file)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();
        var first = Stopwatch.StartNew();
        Screen(postings[0]);
        var firstCall = first.Elapsed.TotalMilliseconds;
        var normalise = Time(postings, posting => ScreeningText.From(posting.Title + "\n" + posting.Description + "\n" + string.Join("、", posting.Skills)));
        var screen = Time(postings, posting => Screen(posting));
        var characters = postings.Average(posting => posting.Title.Length + posting.Description.Length);
        // The longest description a posting may have (20,000 characters): the corpus's descriptions end to end.
        var longest = postings[0] with { Description = string.Concat(postings.Select(posting => posting.Description + "\n"))[..20_000] };
        var longTimes = Time([longest], posting => Screen(posting), rounds: 20);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Screening {postings.Count} corpus postings (mean {characters:F0} characters), {ScreeningRules.All.Count} rules, {Environment.ProcessorCount} cores; first call (the rule book built) {firstCall:F0} ms\n"));
        Console.WriteLine("| step | p50 | p95 | mean |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("normalise and fold (ScreeningText.From)", normalise);
        Row("screen a posting (fold + every rule + pay)", screen);
        Row("screen a 20,000-character description (20 runs)", longTimes);
        Console.WriteLine();
    }

    private static IReadOnlyList<ScreeningFlag> Screen(CorpusPosting posting) =>
        Screener.Screen(new PostingContent(posting.Title, posting.Description, posting.OccupationCode, posting.Skills, posting.ExperienceYears, null,
            posting.SalaryMin, posting.SalaryMax), copiesAnotherEmployer: false, market: null);

    private static List<double> Time(List<CorpusPosting> postings, Action<CorpusPosting> work, int rounds = 5)
    {
        foreach (var posting in postings) work(posting);
        var times = new List<double>(postings.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var posting in postings)
            {
                var watch = Stopwatch.StartNew();
                work(posting);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return times;
    }

    private static async Task SalaryGuideAsync(string server, int count)
    {
        await using (var dataSource = await ScratchDatabase.CreateAsync(server, DatabaseName))
        {
            await SeedPostings.SeedAsync(dataSource, count);
            var store = new SalaryGuideStore(dataSource, Options.Create(new SalaryGuideOptions()));
            var refreshes = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                await store.RefreshAsync(skipIfBusy: false, CancellationToken.None);
                refreshes.Add(watch.Elapsed.TotalMilliseconds);
            }
            var entries = await store.ListAsync(null, null, 100_000, CancellationToken.None);
            var lookups = new List<double>();
            string[] occupations = ["6-18-02", "4-02-06", "2-02-10", "4-10-01", "9-99-99"];
            string[] regions = ["150102", "150203", "152921", "150781"];
            for (var i = 0; i < 500; i++)
            {
                var watch = Stopwatch.StartNew();
                await store.BenchmarkAsync(occupations[i % occupations.Length], regions[i % regions.Length], CancellationToken.None);
                lookups.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Salary guide over {count:N0} seeded postings ({entries.Count} entries):\n"));
            Console.WriteLine("| step | p50 | p95 | mean |");
            Console.WriteLine("|---|---:|---:|---:|");
            Row("REFRESH MATERIALIZED VIEW CONCURRENTLY (3 runs)", refreshes);
            Row("benchmark lookup for a posting (500, pooled connection)", lookups.Skip(50).ToList());
            await using var plan = await dataSource.OpenConnectionAsync();
            var lines = await plan.QueryAsync<string>(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM salary_guide WHERE postings >= 20 AND area IN ('1502', '15') " +
                "AND ((scope = 'occupation' AND occupation = '4-02-06') OR (scope = 'group' AND occupation = occupation_group('4-02-06'))) " +
                "ORDER BY scope = 'group', length(area) = 2 LIMIT 1");
            Console.WriteLine($"\n```\n{string.Join('\n', lines)}\n```");
        }
        NpgsqlConnection.ClearAllPools();
        await using var cleanup = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await cleanup.OpenAsync();
        await cleanup.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
    }

    private static void Row(string step, List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(int percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {At(50):F3} ms | {At(95):F3} ms | {times.Average():F3} ms |"));
    }
}
