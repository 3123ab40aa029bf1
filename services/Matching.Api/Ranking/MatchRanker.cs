using System.Buffers;
using System.Globalization;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>A ranked pair with everything that made its place: model relevance, policy boost, and the explanation.</summary>
public sealed record Match(IndexedPosting Posting, IndexedSeeker Seeker, double Score, double Fit, PolicyBoost? Boost, MatchExplanation Explanation);

/// <summary>
/// Ranks candidates: features → the learned model (or, while none is available, the transparent fit) → the key-group
/// policy's boost, applied after the model and kept apart from it → an explanation for each result.
/// Pure and in memory: the service, the offline evaluation and the benchmarks all rank through this one class.
/// </summary>
public sealed class MatchRanker(
    ConceptVocabulary vocabulary, RankerSlot models, KeyGroupPolicy policy, EmployerResponseRates responseRates, BehaviourSignals behaviour)
{
    public const string TransparentVersion = "transparent-fit";
    public const double SkillWeight = 0.5, WordWeight = 0.2, LocationWeight = 0.3;

    /// <summary>The BM25 score at which the fit's word part is half its most (about one rare title word in common).</summary>
    public const double WordHalfScore = 5;

    public KeyGroupPolicy Policy => policy;

    /// <summary>What seekers did, as this ranker's features read it (and retrieval's words from a seeker's past postings).</summary>
    public BehaviourSignals Behaviour => behaviour;

    public ConceptVocabulary Vocabulary => vocabulary;

    public string ModelVersion => models.Current?.Version ?? TransparentVersion;

    public List<Match> Rank(IndexedSeeker seeker, IReadOnlyList<IndexedPosting> postings, DateTime now, int limit, string language = "zh") =>
        Rank(postings.Select(posting => (seeker, posting, (Retrieval?)null)).ToList(), now, limit, language);

    /// <summary>Retrieval's candidates, ranked with what found them (the lexical score and the path are features).</summary>
    public List<Match> Rank(IndexedSeeker seeker, IReadOnlyList<Candidate<IndexedPosting>> candidates, DateTime now, int limit, string language = "zh") =>
        Rank(candidates.Select(candidate => (seeker, candidate.Entry, (Retrieval?)candidate.Found)).ToList(), now, limit, language);

    public List<Match> Rank(IndexedPosting posting, IReadOnlyList<IndexedSeeker> seekers, DateTime now, int limit, string language = "zh") =>
        Rank(seekers.Select(seeker => (seeker, posting, (Retrieval?)null)).ToList(), now, limit, language);

    public List<Match> Rank(IndexedPosting posting, IReadOnlyList<Candidate<IndexedSeeker>> candidates, DateTime now, int limit, string language = "zh") =>
        Rank(candidates.Select(candidate => (candidate.Entry, posting, (Retrieval?)candidate.Found)).ToList(), now, limit, language);

    /// <summary>Best first; ties go to the newer posting.</summary>
    public List<Match> Rank(IReadOnlyList<(IndexedSeeker Seeker, IndexedPosting Posting, Retrieval? Found)> pairs, DateTime now, int limit, string language)
    {
        if (pairs.Count == 0) return [];
        var columns = RankingFeatures.Count;
        var features = ArrayPool<float>.Shared.Rent(pairs.Count * columns);
        var relevance = ArrayPool<float>.Shared.Rent(pairs.Count);
        var reaches = new Reach[pairs.Count];
        try
        {
            // Signals are gathered once per seeker of the request (one, for a seeker's recommendations).
            var signals = new Dictionary<Guid, RequestSignals>();
            for (var i = 0; i < pairs.Count; i++)
            {
                var (seeker, posting, found) = pairs[i];
                reaches[i] = Reach.Of(seeker, posting);
                if (!signals.TryGetValue(seeker.SeekerId, out var forSeeker))
                    signals[seeker.SeekerId] = forSeeker = RankingFeatures.SignalsFor(seeker, now, responseRates, behaviour, vocabulary.Taxonomy);
                RankingFeatures.Write(new RankingPair(seeker, posting, reaches[i], vocabulary.Taxonomy, forSeeker, found), features.AsSpan(i * columns, columns));
            }
            var model = models.Current;
            if (model is { } ranker && ranker.Columns == columns)
            {
                ranker.Score(features.AsSpan(0, pairs.Count * columns), pairs.Count, relevance.AsSpan(0, pairs.Count));
                for (var i = 0; i < pairs.Count; i++) relevance[i] = ranker.Relevance(relevance[i]);
            }
            else
            {
                for (var i = 0; i < pairs.Count; i++) relevance[i] = (float)Fit(features.AsSpan(i * columns, columns));
            }
            var version = model?.Version ?? TransparentVersion;

            var order = Enumerable.Range(0, pairs.Count).Select(i =>
            {
                var boost = policy.BoostFor(pairs[i].Seeker, pairs[i].Posting, reaches[i], language);
                return (Index: i, Boost: boost, Score: relevance[i] * (1 + (boost?.Amount ?? 0)));
            })
            .OrderByDescending(ranked => ranked.Score).ThenByDescending(ranked => pairs[ranked.Index].Posting.Snapshot.PublishedAt)
            .Take(limit).ToList();

            return order.Select(ranked =>
            {
                var (seeker, posting, _) = pairs[ranked.Index];
                var row = features.AsSpan(ranked.Index * columns, columns);
                var fit = Math.Round(Fit(row), 4);
                return new Match(posting, seeker, Math.Round(ranked.Score, 4), fit, ranked.Boost,
                    Explain(seeker, posting, reaches[ranked.Index], row, relevance[ranked.Index], version, ranked.Boost, language));
            }).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(relevance);
        }
    }

    /// <summary>
    /// The transparent fit: share of the posting's essential skills held (or of its occupation's, when it lists none),
    /// the words the profile and the posting share (<see cref="WordShare"/>), and nearness. The words count because on
    /// thin, noisy profiles they are most of the evidence there is (docs/decisions/033). When retrieval did not say
    /// (postings the caller chose itself), the word part is left out and the other two weigh the whole.
    /// </summary>
    public static double Fit(ReadOnlySpan<float> row)
    {
        var coverage = row[RankingFeatures.EssentialCoverage];
        var occupationFit = row[RankingFeatures.OccupationSkillFitColumn];
        var skills = !float.IsNaN(coverage) ? coverage : !float.IsNaN(occupationFit) ? occupationFit : 0;
        var lexical = row[RankingFeatures.LexicalScore];
        var fit = SkillWeight * skills + LocationWeight * row[RankingFeatures.Closeness];
        // Not rounded: the fit orders lists, and rounding would make ties of rows that differ (shown rounded, Explain).
        return float.IsNaN(lexical) ? fit / (SkillWeight + LocationWeight) : fit + WordWeight * WordShare(lexical);
    }

    /// <summary>BM25 saturated into [0, 1): score / (score + <see cref="WordHalfScore"/>); 0 when no word is shared or retrieval did not say.</summary>
    public static double WordShare(float lexicalScore) =>
        float.IsNaN(lexicalScore) || lexicalScore <= 0 ? 0 : lexicalScore / (lexicalScore + WordHalfScore);

    private MatchExplanation Explain(
        IndexedSeeker seeker, IndexedPosting posting, Reach reach, ReadOnlySpan<float> row, float relevance, string version, PolicyBoost? boost,
        string language)
    {
        var matched = posting.Essential.Where(skill => Array.BinarySearch(seeker.Skills, skill.Id) >= 0).Select(skill => skill.Label).ToList();
        var missing = posting.Essential.Where(skill => Array.BinarySearch(seeker.Skills, skill.Id) < 0).Select(skill => skill.Label).ToList();
        var optional = posting.Optional.Where(skill => Array.BinarySearch(seeker.Skills, skill.Id) >= 0).Select(skill => skill.Label).ToList();
        var salary = SalaryVerdict(posting, seeker);
        var coverage = row[RankingFeatures.EssentialCoverage];
        var similarity = row[RankingFeatures.OccupationSimilarityColumn];
        var skillScore = float.IsNaN(coverage) ? 0 : Math.Round(coverage, 4);
        var occupation = float.IsNaN(similarity) ? (double?)null : Math.Round(similarity, 2);
        var reasons = Reasons(matched, missing, reach, salary, occupation, boost, language);
        return new MatchExplanation(matched, missing, skillScore, reach.DistanceKm, Math.Round(reach.Closeness, 4), reach.Basis, optional,
            occupation, salary, Math.Round(relevance, 4), version,
            boost is null ? null : new PolicyBoostExplanation(boost.Rule, boost.KeyGroup, boost.Amount, boost.Reason, boost.PolicyVersion),
            reasons)
        {
            LexicalScore = float.IsNaN(row[RankingFeatures.LexicalScore]) ? 0 : Math.Round(row[RankingFeatures.LexicalScore], 4),
            WordScore = Math.Round(WordShare(row[RankingFeatures.LexicalScore]), 4),
        };
    }

    private static SalaryFit? SalaryVerdict(IndexedPosting posting, IndexedSeeker seeker)
    {
        var offered = posting.Snapshot.SalaryMax ?? posting.Snapshot.SalaryMin;
        var expected = seeker.Snapshot.SalaryExpectation;
        if (offered is null && expected is null) return null;
        var verdict = offered is null || expected is null ? "unknown"
            : offered >= expected * 1.1m ? "above" : offered >= expected ? "meets" : "below";
        return new SalaryFit(offered, expected, verdict);
    }

    private static List<string> Reasons(
        List<string> matched, List<string> missing, Reach reach, SalaryFit? salary, double? occupation, PolicyBoost? boost, string language)
    {
        var en = language == "en";
        var reasons = new List<string>();
        if (matched.Count > 0) reasons.Add(en ? $"You have {string.Join(", ", matched)}" : $"您具备：{string.Join("、", matched)}");
        if (missing.Count > 0) reasons.Add(en ? $"To learn: {string.Join(", ", missing)}" : $"还需学习：{string.Join("、", missing)}");
        if (occupation is >= 0.8) reasons.Add(en ? "The occupation you are looking for" : "与您的求职意向一致");
        if (reach is { Banded: true, DistanceKm: { } band })
        {
            var within = band.ToString(CultureInfo.InvariantCulture);
            reasons.Add(en ? $"Within {within} km" : $"{within}公里以内");
        }
        else if (reach.DistanceKm is { } km)
        {
            var distance = km.ToString(CultureInfo.InvariantCulture);
            reasons.Add(reach.Basis switch
            {
                "relocation" => en ? $"{distance} km away: you would relocate" : $"距离{distance}公里，需要异地就业",
                Reach.ShownReach => en ? $"{distance} km away, beyond your {reach.CommuteKm} km commute: near where you have looked at jobs before"
                    : $"距您{distance}公里，超出您{reach.CommuteKm}公里的通勤范围：在您关注过岗位的地方附近",
                _ => en ? $"{distance} km from you" : $"距您{distance}公里",
            });
        }
        else if (reach.Basis == "same-county")
        {
            reasons.Add(en ? "In your banner/county" : "在您所在的旗县区");
        }
        if (salary is { Verdict: "above" or "meets" }) reasons.Add(en ? "Pay meets what you hope for" : "薪资符合您的期望");
        else if (salary is { Verdict: "below" }) reasons.Add(en ? "Pay is below what you hope for" : "薪资低于您的期望");
        if (boost is not null) reasons.Add(boost.Reason);
        return reasons;
    }
}
