using System.Diagnostics;
using System.Globalization;
using Matching.Api.Candidates;
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
        BehaviourSignals behaviour, EvaluationOptions options, Action<string> progress)
    {
        var decisions = new List<string>();
        var notes = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var cold = BootstrapModel.Train(vocabulary, options.Ranking, split.Cutoff);
        var coldSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var coldDecision = Promotion.Decide(cold.Validation, cold.Ranker, serving: null, options.Resamples);
        decisions.Add(string.Create(CultureInfo.InvariantCulture,
            $"cold-start model ({options.Ranking.Trainer}, {options.Ranking.Trees} trees of {options.Ranking.Leaves} leaves; bootstrap set generated and trained in {coldSeconds:F1} s; judged on the bootstrap set's held-out {cold.Validation.Groups} queries): {coldDecision.Reason}"));
        progress($"cold-start model {cold.Ranker.Version}: {coldDecision.Reason}");
        IRanker? serving = coldDecision.Promote ? cold.Ranker : null;
        var served = serving is null ? OfflineEvaluation.Transparent : OfflineEvaluation.ColdStart;

        var queries = OutcomeQueries(dataset, split, replay, vocabulary);
        IRanker? outcomes = null;
        if (queries.Count >= options.MinimumOutcomeQueries)
        {
            var cut = (int)(queries.Count * 0.8);
            var training = TrainingSet.Build(queries[..cut], vocabulary, rates, behaviour);
            var validation = TrainingSet.Build(queries[cut..], vocabulary, rates, behaviour);
            started = Stopwatch.GetTimestamp();
            outcomes = LambdaRankTrainer.Train(training, options.Ranking.Training, "outcomes-offline");
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var decision = Promotion.Decide(validation, outcomes, serving, options.Resamples);
            decisions.Add(string.Create(CultureInfo.InvariantCulture,
                $"outcome model (trained on the older {cut} of {queries.Count} training-split seekers, {training.Rows:N0} rows, in {seconds:F1} s; judged on the newest {queries.Count - cut}): {decision.Reason}"));
            served = decision.Promote ? OfflineEvaluation.Outcomes : decision.RetireServing || serving is null ? OfflineEvaluation.Transparent : served;
            notes.Add($"The outcome model was trained on {cut} training-split seekers ({training.Rows} rows: their graded postings from their second outcome on, and up to 20 unanswered candidates each).");
            progress($"outcome model: {decision.Reason}");
        }
        else notes.Add($"Only {queries.Count} training-split seekers have graded outcomes (fewer than {options.MinimumOutcomeQueries}): no outcome model.");
        return new ServedModels(cold.Ranker, outcomes, served, decisions, notes);
    }

    /// <summary>
    /// Training queries as the service's retraining builds them (<see cref="TrainingSet.Targets"/>): each training-split
    /// seeker's graded postings from their second outcome on, plus up to 20 unanswered candidates from the index as it
    /// stood then. Ordered by time, as the service splits them.
    /// </summary>
    private static List<RankingQuery> OutcomeQueries(EvaluationDataset dataset, TimeSplit split, IndexReplay replay, ConceptVocabulary vocabulary)
    {
        var seekers = dataset.Seekers.ToDictionary(s => s.Snapshot.SeekerId);
        var postings = dataset.Postings.ToDictionary(p => p.Snapshot.PostingId, p => IndexedPosting.From(p.Snapshot, vocabulary));
        var targets = new List<(EvaluationSeeker Seeker, DateTime At, List<(Guid Posting, float Grade)> Graded, List<Guid> History)>();
        foreach (var group in split.Train.GroupBy(i => i.SeekerId))
        {
            if (!seekers.TryGetValue(group.Key, out var stored)) continue;
            var found = TrainingSet.Targets(group.GroupBy(i => i.PostingId).Where(g => postings.ContainsKey(g.Key))
                .Select(g => (g.Key, (float)g.Max(i => i.Grade), g.Min(i => i.OccurredAt))).ToList());
            if (found is { } target) targets.Add((stored, target.At, target.Graded, target.History));
        }
        var queries = new List<RankingQuery>();
        foreach (var (stored, at, graded, history) in targets.OrderBy(t => t.At).ThenBy(t => t.Seeker.Snapshot.SeekerId))
        {
            replay.AdvanceTo(at);
            var seeker = IndexedSeeker.From(stored.Snapshot, vocabulary);
            var candidates = graded.Select(target => (postings[target.Posting], target.Grade)).ToList();
            var seen = candidates.Select(candidate => candidate.Item1.PostingId).Concat(history).ToHashSet();
            candidates.AddRange(replay.Index.CandidatesFor(seeker, at, 30).Where(p => !seen.Contains(p.PostingId)).Take(20).Select(p => (p, 0f)));
            queries.Add(new RankingQuery(seeker, candidates, at).DescribedBy(replay.Index));
        }
        return queries;
    }
}
