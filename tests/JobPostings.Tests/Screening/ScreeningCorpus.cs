using System.Globalization;
using System.Text.Json;
using JobPostings.Api.Screening;

namespace JobPostings.Tests.Screening;

/// <summary>
/// One labelled posting of a corpus file (built by make_corpus.py); Expect lists its problem kinds, empty when clean.
/// Evasion entries also name the rule their sentence is written for and how its key term is disguised.
/// </summary>
public sealed record CorpusPosting(
    string Id, string Language, IReadOnlyList<string> Expect, string Employer, string Title, string Description, string? OccupationCode,
    IReadOnlyList<string> Skills, int? ExperienceYears, decimal? SalaryMin, decimal? SalaryMax, string? Rule = null, string? Variant = null);

/// <summary>What screening made of one corpus posting.</summary>
public sealed record CorpusResult(CorpusPosting Posting, IReadOnlyList<ScreeningFlag> Flags)
{
    public bool Flagged => Flags.Count > 0;
    public bool Problem => Posting.Expect.Count > 0;
    public bool FoundEveryExpectedKind => Posting.Expect.All(kind => Flags.Any(flag => flag.Kind == kind));
}

/// <summary>Screens the corpus in order, as postings would arrive (a copy is a copy of an earlier posting).</summary>
public static class ScreeningCorpus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CorpusPosting> Load(string file = "corpus.json") =>
        JsonSerializer.Deserialize<List<CorpusPosting>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Screening", file)), Json)!;

    public static IReadOnlyList<CorpusResult> Screen(IReadOnlyList<CorpusPosting> corpus)
    {
        var firstEmployerByContent = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<CorpusResult>();
        foreach (var posting in corpus)
        {
            var fingerprint = Screener.Fingerprint(posting.Title, posting.Description);
            var copies = firstEmployerByContent.TryGetValue(fingerprint, out var first) && first != posting.Employer;
            firstEmployerByContent.TryAdd(fingerprint, posting.Employer);
            var flags = Screener.Screen(new PostingContent(posting.Title, posting.Description, posting.OccupationCode, posting.Skills,
                posting.ExperienceYears, null, posting.SalaryMin, posting.SalaryMax), copies, TestMarket.For(posting.OccupationCode));
            results.Add(new CorpusResult(posting, flags));
        }
        return results;
    }

    /// <summary>Precision and recall of "held for review" against the labels, and the errors behind them.</summary>
    public static string Report(IReadOnlyList<CorpusResult> results)
    {
        var truePositives = results.Count(r => r.Problem && r.Flagged);
        var falsePositives = results.Count(r => !r.Problem && r.Flagged);
        var falseNegatives = results.Count(r => r.Problem && !r.Flagged);
        var clean = results.Count(r => !r.Problem);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{results.Count} postings ({clean} clean): precision {Figure(results.Any(r => r.Flagged), Precision(results))}, " +
                $"recall {Figure(results.Any(r => r.Problem), Recall(results))} (TP {truePositives}, FP {falsePositives}, FN {falseNegatives}); " +
                $"clean flagged {falsePositives}/{clean}; right kind found for {results.Count(r => r.Problem && r.FoundEveryExpectedKind)}/{results.Count(r => r.Problem)}"),
        };
        foreach (var wrong in results.Where(r => r.Problem != r.Flagged || (r.Problem && !r.FoundEveryExpectedKind)))
            lines.Add($"  {wrong.Posting.Id}: expected [{string.Join(", ", wrong.Posting.Expect)}], flagged [{string.Join(", ", wrong.Flags.Select(f => $"{f.Rule} «{f.MatchedText}»"))}]");
        return string.Join('\n', lines);
    }

    private static string Figure(bool defined, double value) => defined ? value.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Of the postings held, the share that had a problem (1 when none was held: no false flag).</summary>
    public static double Precision(IReadOnlyList<CorpusResult> results) =>
        results.Any(r => r.Flagged) ? (double)results.Count(r => r.Problem && r.Flagged) / results.Count(r => r.Flagged) : 1;

    /// <summary>Of the postings with a problem, the share held (1 when there were none).</summary>
    public static double Recall(IReadOnlyList<CorpusResult> results) =>
        results.Any(r => r.Problem) ? (double)results.Count(r => r.Problem && r.Flagged) / results.Count(r => r.Problem) : 1;
}
