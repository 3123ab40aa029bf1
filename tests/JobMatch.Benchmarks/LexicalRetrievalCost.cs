using System.Diagnostics;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using Matching.Taxonomy;

namespace JobMatch.Benchmarks;

/// <summary>
/// `lexical [postings…]`: what lexical retrieval (issue 13) costs the candidate index, in one run per size — the index
/// built with concept lists only and with the BM25 word lists beside them (build time, including text analysis, and
/// managed memory after a full collection), and candidate generation CPU per request for 1,000 seekers after 100
/// warm-up requests, concepts only against concepts and words. Postings and seekers from the deterministic ESCO market
/// (synthetic: titles and skills, no descriptions).
/// </summary>
public static class LexicalRetrievalCost
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [30_000, 300_000];
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        Console.WriteLine($"{Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine("| active postings | lists | index build | memory after build | candidates (mean) | seekers with no concept candidate | CPU per request: candidates |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var market = new SyntheticMarket(vocabulary.Taxonomy, 7, now);
            var postings = market.Postings(size);
            var snapshots = postings.Select(p => p.Snapshot).ToList();
            var seekers = market.Seekers(1100, postings).Select(s => IndexedSeeker.From(s.Snapshot, vocabulary)).ToList();
            postings = null;
            var conceptSeekers = seekers.Select(WithoutWords).ToList();
            Measure(size, "concepts", () => snapshots.Select(p => WithoutWords(IndexedPosting.From(p, vocabulary))), conceptSeekers, now);
            Measure(size, "concepts + words", () => snapshots.Select(p => IndexedPosting.From(p, vocabulary)), seekers, now);
        }
        return 0;
    }

    private static void Measure(int size, string lists, Func<IEnumerable<IndexedPosting>> postings, List<IndexedSeeker> seekers, DateTime now)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var index = new CandidateIndex();
        index.Apply(postings(), [], []);
        build.Stop();
        var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
        var process = Process.GetCurrentProcess();
        long candidates = 0;
        var withoutConcept = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < seekers.Count; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var found = index.Retrieve(seekers[i], now, Recommender.CandidateLimit);
            process.Refresh();
            if (i < 100) continue;
            cpu += process.TotalProcessorTime - cpu0;
            candidates += found.Count;
            if (!found.Exists(c => c.Path == CandidatePath.SharedConcept)) withoutConcept++;
        }
        var measured = seekers.Count - 100;
        Console.WriteLine($"| {size:N0} | {lists} | {build.Elapsed.TotalSeconds:F1} s | {memory / 1024 / 1024:N0} MB | {candidates / measured:N0} | " +
            $"{withoutConcept:N0} of {measured:N0} | {cpu.TotalMilliseconds / measured:F2} ms |");
        GC.KeepAlive(index);
    }

    private static IndexedPosting WithoutWords(IndexedPosting p) => new()
    {
        Snapshot = p.Snapshot, Essential = p.Essential, Optional = p.Optional, Occupations = p.Occupations, Education = p.Education,
    };

    private static IndexedSeeker WithoutWords(IndexedSeeker s) => new()
    {
        Snapshot = s.Snapshot, Skills = s.Skills, Occupations = s.Occupations, Education = s.Education,
    };
}
