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
/// `recommend [postings…]`: one seeker's recommendations as the service builds them (<see cref="SeekerRecommendations"/>:
/// candidates by concepts and words from the in-memory index, features, the cold-start LambdaRank model (ML.NET, one
/// batch Transform), policy, region balance, explanations, the popular-nearby fallback, top 20) against N active synthetic postings, one request at a time,
/// as p50/p95/p99 over 1,000 seekers after 100 warm-up requests. Postings and seekers come from the deterministic
/// ESCO market placed at Inner Mongolia's seats.
/// </summary>
public static class RecommendationLatency
{
    public static int Run(string[] args)
    {
        var numbers = args[1..].Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
        var sizes = numbers.Length > 0 ? numbers : [30_000, 300_000, 1_000_000];
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var model = BootstrapModel.Train(vocabulary, new RankingOptions(), now).Ranker;
        var slot = new RankerSlot();
        slot.Publish(model);
        var ranker = new MatchRanker(vocabulary, slot, new KeyGroupPolicy([]), new EmployerResponseRates(), new BehaviourSignals());
        Console.WriteLine($"model {model.Version}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine("| active postings | index build | memory after build | candidates (mean) | p50 | p95 | p99 | max | CPU per request |");
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
            // Two ways to a list, alternating per seeker so both see the same load: the service's list, and for comparison
            // the path before lexical retrieval, the fallback and the region balance (concept candidates, ranked, top 20).
            var popularity = new PostingPopularity();
            // With `--stages`, the parts of the service's list as well, each timed alone on the same seekers: retrieval;
            // retrieval and ranking as deep as the list ranks; the same with the transparent fit instead of the model.
            var stages = args.Contains("--stages");
            var paths = new (string Name, Func<IndexedSeeker, object> List)[]
            {
                ("service's list", seeker => SeekerRecommendations.For(index, ranker, popularity, seeker, now, 20)),
                ("concept candidates ranked (before)", seeker => ranker.Rank(seeker, index.CandidatesFor(seeker, now, Recommender.CandidateLimit), now, 20)),
            };
            if (args.Contains("--history"))
            {
                // Seekers who have acted on postings: eight of their own candidates and one ad far away (outside their
                // commute: their list then reaches that far, decision 033), as BehaviourSignals would hold them.
                MatchRanker WithHistory(bool far)
                {
                    var behaviour = new BehaviourSignals();
                    behaviour.Replace(PastPostings(index, seekers, now, new Random(7), far));
                    return new MatchRanker(vocabulary, slot, new KeyGroupPolicy([]), new EmployerResponseRates(), behaviour);
                }
                var (near, far) = (WithHistory(false), WithHistory(true));
                paths =
                [
                    .. paths,
                    ("service's list, 8 past postings within reach", seeker => SeekerRecommendations.For(index, near, popularity, seeker, now, 20)),
                    ("service's list, 9 past postings (1 far)", seeker => SeekerRecommendations.For(index, far, popularity, seeker, now, 20)),
                ];
            }
            if (stages)
            {
                var fit = new MatchRanker(vocabulary, new RankerSlot(), new KeyGroupPolicy([]), new EmployerResponseRates(), new BehaviourSignals());
                paths =
                [
                    .. paths,
                    ("stage: retrieval", seeker => index.Retrieve(seeker, now, Recommender.CandidateLimit)),
                    ("stage: retrieval + ranking 60 (model)", seeker =>
                        ranker.Rank(seeker, index.Retrieve(seeker, now, Recommender.CandidateLimit), now, 20 * SeekerRecommendations.BalanceDepth)),
                    ("stage: retrieval + ranking 60 (fit)", seeker =>
                        fit.Rank(seeker, index.Retrieve(seeker, now, Recommender.CandidateLimit), now, 20 * SeekerRecommendations.BalanceDepth)),
                ];
            }
            var latencies = paths.Select(_ => new List<double>()).ToArray();
            var cpu = new TimeSpan[paths.Length];
            long candidates = 0;
            var process = Process.GetCurrentProcess();
            for (var i = 0; i < seekers.Count; i++)
            {
                if (i >= 100) candidates += index.Retrieve(seekers[i], now, Recommender.CandidateLimit).Count; // untimed: only for the mean
                for (var p = 0; p < paths.Length; p++)
                {
                    process.Refresh();
                    var cpu0 = process.TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    GC.KeepAlive(paths[p].List(seekers[i]));
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    process.Refresh();
                    if (i < 100) continue;
                    latencies[p].Add(elapsed);
                    cpu[p] += process.TotalProcessorTime - cpu0;
                }
            }
            for (var p = 0; p < paths.Length; p++)
            {
                var sorted = latencies[p].Order().ToList();
                double P(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
                Console.WriteLine($"| {size:N0}, {paths[p].Name} | {build.Elapsed.TotalSeconds:F1} s | {memory / 1024 / 1024:N0} MB | {candidates / sorted.Count:N0} | " +
                    $"{P(0.5):F1} ms | {P(0.95):F1} ms | {P(0.99):F1} ms | {sorted[^1]:F1} ms | {cpu[p].TotalMilliseconds / sorted.Count:F1} ms |");
            }
            GC.KeepAlive(index);
        }
        return 0;
    }

    private static List<OutcomeEvent> PastPostings(CandidateIndex index, List<IndexedSeeker> seekers, DateTime now, Random random, bool far)
    {
        var events = new List<OutcomeEvent>();
        var anywhere = seekers.SelectMany(seeker => index.Retrieve(seeker, now, 20)).Select(c => c.Entry.PostingId).Distinct().ToArray();
        foreach (var seeker in seekers)
        {
            var own = index.Retrieve(seeker, now, 40).Select(c => c.Entry.PostingId).OrderBy(_ => random.Next()).Take(8);
            foreach (var posting in far ? own.Append(anywhere[random.Next(anywhere.Length)]) : own)
                events.Add(new OutcomeEvent(seeker.SeekerId, posting, now.AddDays(-random.Next(1, 20)), 1));
        }
        return events;
    }
}
