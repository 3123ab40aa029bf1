using System.Diagnostics;
using System.Globalization;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Ranking;
using Matching.Ranking;

namespace Matching.Evaluation;

/// <summary>
/// The models the service would have on this data and which one it would serve, decided by the service's own
/// promotion rule (<see cref="Promotion"/>): a new installation trains the cold-start model and judges it on the
/// bootstrap set's held-out fifth (it has no outcomes yet); once the training split's outcomes are in, the retraining
/// trains on their older four fifths, judges on the newest fifth against the serving model and the transparent fit,
/// and retires a serving model that no longer beats the fit.
/// </summary>
public sealed record ServedModels(IRanker? ColdStart, IRanker? Outcomes, string Served, IReadOnlyList<string> Decisions, IReadOnlyList<string> Notes)
{
    public static ServedModels Decide(
        EvaluationDataset dataset, TimeSplit split, IndexReplay replay, ConceptVocabulary vocabulary, EmployerResponseRates rates,
        BehaviourSignals behaviour, EvaluationOptions options, Func<IRanker?, MatchRanker> rankerWith, Action<string> progress)
    {
        var decisions = new List<string>();
        var notes = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var cold = BootstrapModel.Train(vocabulary, options.Ranking, split.Cutoff);
        var coldSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var coldDecision = Promotion.Decide(cold.Validation, cold.Ranker, serving: null, options.Resamples);
        decisions.Add(string.Create(CultureInfo.InvariantCulture,
            $"cold-start model ({options.Ranking.Trainer}, {options.Ranking.Trees} trees of {options.Ranking.Leaves} leaves; bootstrap set generated and trained in {coldSeconds:F1} s; judged on the bootstrap set's held-out {cold.Validation.Groups} queries, as a new installation without outcomes must): {coldDecision.Reason}"));
        progress($"cold-start model {cold.Ranker.Version}: {coldDecision.Reason}");
        IRanker? serving = coldDecision.Promote ? cold.Ranker : null;
        var served = serving is null ? OfflineEvaluation.Transparent : OfflineEvaluation.ColdStart;

        var targets = OutcomeTargets(dataset, split, vocabulary);
        IRanker? outcomes = null;
        if (targets.Count >= options.MinimumOutcomeQueries)
        {
            var cut = (int)(targets.Count * 0.8);
            var training = TrainingSet.Build(targets[..cut].ConvertAll(target => TrainingQuery(target, replay, vocabulary)), vocabulary, rates, behaviour);
            started = Stopwatch.GetTimestamp();
            outcomes = LambdaRankTrainer.Train(training, options.Ranking.Training, "outcomes-offline");
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var judged = JudgeOnOpenCatalogue(targets[cut..], replay, vocabulary, split.Train,
                [rankerWith(outcomes), rankerWith(null), .. serving is null ? Array.Empty<MatchRanker>() : [rankerWith(serving)]]);
            var decision = Promotion.Decide(judged[0], judged[1], serving is null ? null : (serving.Version, judged[2]), options.Resamples);
            decisions.Add(string.Create(CultureInfo.InvariantCulture,
                $"outcome model (trained on the older {cut} of {targets.Count} training-split seekers, {training.Rows:N0} rows, in {seconds:F1} s; judged on the lists the service would give the newest {targets.Count - cut} from every posting open at their time): {decision.Reason}"));
            served = decision.Promote ? OfflineEvaluation.Outcomes : decision.RetireServing || serving is null ? OfflineEvaluation.Transparent : served;
            notes.Add($"The outcome model was trained on {cut} training-split seekers ({training.Rows} rows: their graded postings from their second outcome on, and up to 20 unanswered candidates each).");
            progress($"outcome model: {decision.Reason}");
        }
        else
        {
            notes.Add($"Only {targets.Count} training-split seekers have graded outcomes (fewer than {options.MinimumOutcomeQueries}): no outcome model.");
        }

        return new ServedModels(cold.Ranker, outcomes, served, decisions, notes);
    }

    private sealed record Target(EvaluationSeeker Seeker, DateTime At, List<(IndexedPosting Posting, float Grade)> Graded, HashSet<Guid> History);

    /// <summary>
    /// What the service's retraining asks of each training-split seeker (<see cref="TrainingSet.Targets"/>): their graded
    /// postings from their second outcome on, as of then, with what came before as history. Ordered by time, as the
    /// service splits them.
    /// </summary>
    private static List<Target> OutcomeTargets(EvaluationDataset dataset, TimeSplit split, ConceptVocabulary vocabulary)
    {
        var seekers = dataset.Seekers.ToDictionary(s => s.Snapshot.SeekerId);
        var postings = dataset.Postings.ToDictionary(p => p.Snapshot.PostingId, p => IndexedPosting.From(p.Snapshot, vocabulary));
        var targets = new List<Target>();
        foreach (var group in split.Train.GroupBy(i => i.SeekerId))
        {
            if (!seekers.TryGetValue(group.Key, out var stored)) continue;
            var found = TrainingSet.Targets(group.GroupBy(i => i.PostingId).Where(g => postings.ContainsKey(g.Key))
                .Select(g => (g.Key, (float)g.Max(i => i.Grade), g.Min(i => i.OccurredAt))).ToList());
            if (found is { } target)
                targets.Add(new Target(stored, target.At, target.Graded.ConvertAll(g => (postings[g.Posting], g.Grade)), [.. target.History]));
        }
        return [.. targets.OrderBy(t => t.At).ThenBy(t => t.Seeker.Snapshot.SeekerId)];
    }

    /// <summary>A training query as the retraining builds it: the graded postings plus up to 20 unanswered candidates from the index as it stood then.</summary>
    private static RankingQuery TrainingQuery(Target target, IndexReplay replay, ConceptVocabulary vocabulary)
    {
        replay.AdvanceTo(target.At);
        // As the service queries them then: their own words and those of what they had acted on (still in the index).
        var seeker = IndexedSeeker.From(target.Seeker.Snapshot, vocabulary)
            .WithPastPostings(target.History.Select(replay.Index.FindPosting).OfType<IndexedPosting>().ToList(), vocabulary);
        var candidates = target.Graded.ToList();
        var seen = candidates.Select(candidate => candidate.Posting.PostingId).Concat(target.History).ToHashSet();
        candidates.AddRange(replay.Index.CandidatesFor(seeker, target.At, 30).Where(p => !seen.Contains(p.PostingId)).Take(20).Select(p => (p, 0f)));
        return new RankingQuery(seeker, candidates, target.At).DescribedBy(replay.Index);
    }

    /// <summary>
    /// Per-query NDCG@10 of each ranker's list for the held-out seekers, each asked at their own time the way the service
    /// builds a list (<see cref="SeekerRecommendations"/>) from every posting open then — not a sampled candidate list,
    /// where a model can win on negatives the service would never have shown.
    /// </summary>
    private static double[][] JudgeOnOpenCatalogue(
        List<Target> heldOut, IndexReplay replay, ConceptVocabulary vocabulary, IReadOnlyList<Interaction> train, IReadOnlyList<MatchRanker> rankers)
    {
        var ndcg = rankers.Select(_ => new double[heldOut.Count]).ToArray();
        for (var q = 0; q < heldOut.Count; q++)
        {
            var target = heldOut[q];
            replay.AdvanceTo(target.At);
            var seeker = IndexedSeeker.From(target.Seeker.Snapshot, vocabulary);
            var relevant = target.Graded.Where(g => g.Grade > 0).ToDictionary(g => g.Posting.PostingId, g => (int)g.Grade);
            var popular = OfflineEvaluation.PopularAt(train, target.At);
            for (var r = 0; r < rankers.Count; r++)
                ndcg[r][q] = OpenCatalogueJudge.Ndcg(replay.Index, rankers[r], popular, new HeldOutSeeker(seeker, relevant, target.History), target.At);
        }
        return ndcg;
    }
}
