using JobPostings.Api.Screening;
using Xunit.Abstractions;

namespace JobPostings.Tests.Screening;

/// <summary>
/// Precision and recall of screening on the labelled corpora. A false flag on a clean posting costs as much as a
/// miss, so both are held to the same bar; the report (in the test output) names every error. corpus.json, evasion.json
/// and clean.json were written with the rules (in-sample); heldout.json and heldout-2026.json were not tuned on.
/// </summary>
public sealed class ScreeningCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusPosting> Corpus = ScreeningCorpus.Load();

    [Fact]
    public void The_corpus_has_about_200_postings_in_both_languages_half_clean_and_every_kind_of_problem()
    {
        Assert.True(Corpus.Count >= 190, $"{Corpus.Count} postings");
        Assert.InRange(Corpus.Count(p => p.Expect.Count == 0), Corpus.Count / 2 - 2, Corpus.Count / 2 + 2);
        Assert.Equal(["en", "zh"], Corpus.Select(p => p.Language).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ScreeningKinds.All.Order(StringComparer.Ordinal), Corpus.SelectMany(p => p.Expect).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Corpus.Count, Corpus.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Screening_holds_problem_postings_and_passes_clean_ones_with_precision_and_recall_of_at_least_095()
    {
        var results = ScreeningCorpus.Screen(Corpus);
        var report = ScreeningCorpus.Report(results);
        output.WriteLine(report);

        Assert.True(ScreeningCorpus.Precision(results) >= 0.95, report);
        Assert.True(ScreeningCorpus.Recall(results) >= 0.95, report);
    }

    [Fact]
    public void Each_problem_posting_is_flagged_for_the_kind_of_problem_it_has()
    {
        var results = ScreeningCorpus.Screen(Corpus);

        var wrongKind = results.Where(r => r.Problem && r.Flagged && !r.FoundEveryExpectedKind).Select(r => r.Posting.Id).ToList();

        Assert.True(wrongKind.Count <= 2, ScreeningCorpus.Report(results));
    }

    [Fact]
    public void Every_flag_names_its_rule_and_the_text_it_matched()
    {
        var flags = ScreeningCorpus.Screen(Corpus).SelectMany(r => r.Flags).ToList();

        Assert.NotEmpty(flags);
        Assert.All(flags, flag =>
        {
            Assert.StartsWith(flag.Kind + ".", flag.Rule, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(flag.MatchedText));
        });
    }

    /// <summary>
    /// Every text rule, with its key term hidden by a zero-width space, word joiner or soft hyphen, written in
    /// full-width or traditional characters, or spelt out with spaces or punctuation between the characters, is still
    /// caught by that same rule; the lawful sentences disguised the same ways are still clean.
    /// </summary>
    [Fact]
    public void Every_rule_catches_every_evasion_of_its_sentence_and_disguised_lawful_sentences_stay_clean()
    {
        var results = ScreeningCorpus.Screen(ScreeningCorpus.Load("evasion.json"));
        output.WriteLine(ScreeningCorpus.Report(results));

        var missed = results.Where(r => r.Posting.Rule is { } rule && r.Flags.All(flag => flag.Rule != rule))
            .Select(r => $"{r.Posting.Id}: {r.Posting.Description[^30..]}").ToList();
        var falseFlags = results.Where(r => r.Posting.Rule is null && r.Flagged)
            .Select(r => $"{r.Posting.Id}: {string.Join(", ", r.Flags.Select(f => $"{f.Rule} «{f.MatchedText}»"))}").ToList();

        Assert.True(missed.Count == 0, "Evasions not caught by their rule:\n" + string.Join('\n', missed));
        Assert.True(falseFlags.Count == 0, "Disguised lawful sentences flagged:\n" + string.Join('\n', falseFlags));
    }

    [Fact]
    public void The_evasion_corpus_covers_every_text_rule_with_every_disguise()
    {
        var evasion = ScreeningCorpus.Load("evasion.json");
        string[] everyLanguage = ["full-width", "punctuation", "soft-hyphen", "spaces", "word-joiner", "zero-width-space"];

        foreach (var rule in ScreeningRules.All)
        {
            var variants = evasion.Where(p => p.Rule == rule.Id).Select(p => p.Variant!).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(rule.Id.Contains(".zh", StringComparison.Ordinal) ? [.. everyLanguage.Append("traditional").Order(StringComparer.Ordinal)] : everyLanguage, variants);
        }
    }

    /// <summary>Over 100 realistic clean postings of every sector, with the words that look like problems and are not.</summary>
    [Fact]
    public void None_of_the_realistic_clean_postings_is_flagged()
    {
        var results = ScreeningCorpus.Screen(ScreeningCorpus.Load("clean.json"));
        output.WriteLine(ScreeningCorpus.Report(results));

        Assert.True(results.Count >= 100, $"{results.Count} postings");
        Assert.True(results.All(r => !r.Problem), "clean.json holds clean postings only");
        Assert.True(results.All(r => !r.Flagged), ScreeningCorpus.Report(results));
    }

    /// <summary>
    /// Sets not tuned on. heldout.json: 30 postings written after the first rules were frozen (decision 010), with
    /// phrasings the corpus does not have ("司机，男，", "Attractive female hostesses"); its misses were named in decision
    /// 010 before the 2026 rules were written, so it is no longer strictly unseen. heldout-2026.json: 80 postings (40
    /// clean) written and committed before the 2026 rules and never used to change a rule — paraphrases of every 2026
    /// ban and evasions the rules were not written against. The floors sit below what was measured (docs/benchmarks.md)
    /// and guard against regressions only.
    /// </summary>
    [Theory]
    [InlineData("heldout.json", 30)]
    [InlineData("heldout-2026.json", 80)]
    public void Held_out_postings_are_screened_without_tuning_and_reported(string file, int count)
    {
        var results = ScreeningCorpus.Screen(ScreeningCorpus.Load(file));
        var report = ScreeningCorpus.Report(results);
        output.WriteLine(report);

        Assert.Equal(count, results.Count);
        Assert.True(ScreeningCorpus.Precision(results) >= 0.9, report);
        Assert.True(ScreeningCorpus.Recall(results) >= 0.8, report);
    }
}
