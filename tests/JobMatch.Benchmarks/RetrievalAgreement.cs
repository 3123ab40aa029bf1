using System.Diagnostics;
using JobMatch.Benchmarks.Baseline;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using Matching.Taxonomy;

namespace JobMatch.Benchmarks;

/// <summary>
/// `retrieval [postings]`: whether candidate retrieval still gives what it gave before issue 13's fifth round
/// (<see cref="BaselineCandidateIndex"/>) on the same synthetic postings, for 300 seekers — identical lists within a
/// commute, and for seekers who would move anywhere (whose word lists are capped) how much of the old list and of its
/// words-only part is kept, and whether every candidate carries its full BM25 — then the process's CPU per request of
/// each path, by kind of seeker.
/// </summary>
public static class RetrievalAgreement
{
    public static int Run(string[] args)
    {
        var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var market = new SyntheticMarket(vocabulary.Taxonomy, 7, now);
        var postings = market.Postings(size);
        var seekers = market.Seekers(300, postings).Select(s => IndexedSeeker.From(s.Snapshot, vocabulary)).ToList();
        var indexed = postings.Select(p => IndexedPosting.From(p.Snapshot, vocabulary)).ToList();
        var baseline = new BaselineCandidateIndex();
        baseline.Apply(indexed);
        var index = new CandidateIndex();
        index.Apply(indexed, [], []);
        int differing = 0, differingAnywhere = 0, anywhere = 0, notFullBm25 = 0;
        double kept = 0, wordsKept = 0;
        foreach (var seeker in seekers)
        {
            var before = baseline.Retrieve(seeker, now, Recommender.CandidateLimit);
            var after = index.Retrieve(seeker, now, Recommender.CandidateLimit);
            notFullBm25 += after.Count(c => c.LexicalScore != index.Describe(seeker, c.Entry).LexicalScore);
            var same = before.SequenceEqual(after);
            if (GeoCells.Around(seeker) is not null)
            {
                differing += same ? 0 : 1;
                continue;
            }
            anywhere++;
            differingAnywhere += same ? 0 : 1;
            kept += Share(before, after, _ => true);
            wordsKept += Share(before, after, c => c.Path == CandidatePath.WordsInCommon);
        }
        Console.WriteLine($"{size:N0} postings, {seekers.Count} seekers: within a commute {differing} of {seekers.Count - anywhere} lists differ; " +
            $"from anywhere {differingAnywhere} of {anywhere} differ, keeping {kept / Math.Max(anywhere, 1):P1} of the old candidates " +
            $"and {wordsKept / Math.Max(anywhere, 1):P1} of its words-only ones; candidates without their full BM25: {notFullBm25}");
        Console.WriteLine("| seekers | path | requests | CPU per request | candidates (mean) |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var process = Process.GetCurrentProcess();
        foreach (var fromAnywhere in new[] { false, true })
        {
            var group = seekers.Where(s => GeoCells.Around(s) is null == fromAnywhere).ToList();
            foreach (var (name, retrieve) in new (string, Func<IndexedSeeker, int>)[]
            {
                ("before", s => baseline.Retrieve(s, now, Recommender.CandidateLimit).Count),
                ("after", s => index.Retrieve(s, now, Recommender.CandidateLimit).Count),
            })
            {
                long found = 0;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                foreach (var seeker in group) found += retrieve(seeker);
                process.Refresh();
                Console.WriteLine($"| {(fromAnywhere ? "from anywhere" : "within a commute")} | {name} | {group.Count} | " +
                    $"{(process.TotalProcessorTime - cpu).TotalMilliseconds / group.Count:F2} ms | {found / group.Count:N0} |");
            }
        }
        return 0;
    }

    private static double Share(List<Candidate<IndexedPosting>> before, List<Candidate<IndexedPosting>> after, Func<Candidate<IndexedPosting>, bool> part)
    {
        var old = before.Where(part).Select(c => c.Entry).ToList();
        return old.Count == 0 ? 1 : (double)old.Intersect(after.Where(part).Select(c => c.Entry)).Count() / old.Count;
    }
}
