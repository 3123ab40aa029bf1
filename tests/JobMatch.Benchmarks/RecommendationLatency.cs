using System.Diagnostics;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Ranking;
using Matching.Taxonomy;

namespace JobMatch.Benchmarks;

/// <summary>
/// `recommend [postings…]`: one seeker's recommendations (candidate generation from the in-memory index, features, the
/// cold-start LambdaRank model (ML.NET, one batch Transform), policy, explanations, top 20) against N active synthetic postings, one request at a time,
/// as p50/p95/p99 over 1,000 seekers after 100 warm-up requests. Postings and seekers come from the deterministic
/// ESCO market placed at Inner Mongolia's seats.
/// </summary>
public static class RecommendationLatency
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [30_000, 300_000, 1_000_000];
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var model = BootstrapModel.Train(vocabulary, new RankingOptions(), now).Ranker;
        var slot = new RankerSlot();
        slot.Publish(model);
        var ranker = new MatchRanker(vocabulary, slot, new KeyGroupPolicy([]), new EmployerResponseRates(), new BehaviourSignals());
        Console.WriteLine($"model {model.Version}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine("| active postings | index build | memory after build | candidates (mean) | p50 | p95 | p99 | max | CPU per request: candidates + ranking |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var market = new SyntheticMarket(vocabulary.Taxonomy, 7, now);
            var postings = market.Postings(size);
            var seekers = market.Seekers(1100, postings).Select(s => IndexedSeeker.From(s.Snapshot, vocabulary)).ToList();
            var build = Stopwatch.StartNew();
            var index = new CandidateIndex();
            index.Apply(postings.Select(p => IndexedPosting.From(p.Snapshot, vocabulary)), [], []);
            build.Stop();
            postings = null;
            GC.Collect();
            var memory = GC.GetTotalMemory(forceFullCollection: true);
            var latencies = new List<double>();
            long candidates = 0;
            TimeSpan generationCpu = TimeSpan.Zero, rankingCpu = TimeSpan.Zero;
            var process = Process.GetCurrentProcess();
            for (var i = 0; i < seekers.Count; i++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                var found = index.CandidatesFor(seekers[i], now, Recommender.CandidateLimit);
                process.Refresh();
                var cpu1 = process.TotalProcessorTime;
                var ranked = ranker.Rank(seekers[i], found, now, 20);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                process.Refresh();
                var cpu2 = process.TotalProcessorTime;
                if (i < 100) continue;
                latencies.Add(elapsed);
                candidates += found.Count;
                generationCpu += cpu1 - cpu0;
                rankingCpu += cpu2 - cpu1;
                GC.KeepAlive(ranked);
            }
            latencies.Sort();
            double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
            Console.WriteLine($"| {size:N0} | {build.Elapsed.TotalSeconds:F1} s | {memory / 1024 / 1024:N0} MB | {candidates / latencies.Count:N0} | " +
                $"{P(0.5):F1} ms | {P(0.95):F1} ms | {P(0.99):F1} ms | {latencies[^1]:F1} ms | " +
                $"{generationCpu.TotalMilliseconds / latencies.Count:F1} + {rankingCpu.TotalMilliseconds / latencies.Count:F1} ms |");
            GC.KeepAlive(index);
        }
        return 0;
    }
}
