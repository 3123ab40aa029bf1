using Dapper;
using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Api.ReadModel;
using Matching.Ranking;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Api.Ranking;

public sealed record RetrainOutcome(string Decision, string? CandidateVersion, string? CurrentVersion, int Queries,
    double? CandidateNdcg, double? CurrentNdcg, double? DifferenceLower, double? DifferenceUpper);

/// <summary>
/// Retrains the ranker from outcomes: each seeker with applications becomes a query whose postings are graded by how
/// far they got (applied 1 … hired 4, rejected 0) plus unanswered candidates as negatives. The newest fifth of the
/// queries (by time) is held out; the new model is promoted only if it beats the serving one on them — the mean
/// per-query NDCG@10 difference and the lower end of its bootstrap interval both above zero.
/// </summary>
public sealed class Retrainer(
    NpgsqlDataSource dataSource, RankerSlot slot, CandidateIndex index, IndexSynchronizer synchronizer, ConceptVocabulary vocabulary, EmployerResponseRates rates,
    IOptions<RankingOptions> options, TimeProvider clock, ILogger<Retrainer> logger)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task<RetrainOutcome> RetrainAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await synchronizer.FreshAsync(cancellationToken);
            var queries = await OutcomeQueriesAsync(now, cancellationToken);
            var current = slot.Current;
            if (queries.Count < options.Value.MinimumOutcomeQueries)
                return new RetrainOutcome($"not enough outcomes: {queries.Count} of {options.Value.MinimumOutcomeQueries} seekers with graded applications",
                    null, current?.Version, queries.Count, null, null, null, null);

            queries = [.. queries.OrderBy(query => query.At)];
            var split = (int)(queries.Count * 0.8);
            var training = TrainingSet.Build(queries[..split], vocabulary, rates, now);
            var validation = TrainingSet.Build(queries[split..], vocabulary, rates, now);
            var version = $"outcomes-{now:yyyyMMddHHmmss}";
            using var candidate = LambdaMartTrainer.Train(training, new LambdaMartOptions(Rounds: options.Value.Rounds), version, validation);
            var candidateNdcg = RankingMetrics.NdcgPerQuery(validation, candidate.Score(validation), 10);
            var currentNdcg = current is null
                ? RankingMetrics.NdcgPerQuery(validation, FitScores(validation), 10)
                : RankingMetrics.NdcgPerQuery(validation, current.Score(validation), 10);
            var difference = RankingMetrics.PairedDifference(candidateNdcg, currentNdcg);
            var promote = difference.Mean > 0 && difference.Lower > 0;
            var metrics = new
            {
                trainingQueries = split, validationQueries = queries.Count - split, ndcgAt10 = candidateNdcg.Average(),
                servingNdcgAt10 = currentNdcg.Average(), servingVersion = current?.Version, differenceLower = difference.Lower,
                differenceUpper = difference.Upper,
            };
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
                await ModelStore.SaveAsync(connection, version, "outcomes", candidate.Save(), RankingFeatures.Names, metrics, promote, cancellationToken);
            logger.LogInformation("Retrained {Version}: NDCG@10 {Candidate:F3} vs serving {Current:F3}; promoted: {Promoted}",
                version, candidateNdcg.Average(), currentNdcg.Average(), promote);
            return new RetrainOutcome(promote ? "promoted" : "kept the serving model: the new one did not beat it on held-out outcomes",
                version, current?.Version, queries.Count, candidateNdcg.Average(), currentNdcg.Average(), difference.Lower, difference.Upper);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>The serving baseline when no model is loaded: the transparent fit.</summary>
    private static float[] FitScores(RankingDataset dataset)
    {
        var scores = new float[dataset.Rows];
        for (var i = 0; i < dataset.Rows; i++) scores[i] = (float)Matches.MatchRanker.Fit(dataset.Features.AsSpan(i * dataset.Columns, dataset.Columns));
        return scores;
    }

    private async Task<List<RankingQuery>> OutcomeQueriesAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var graded = (await connection.QueryAsync<(Guid SeekerId, Guid PostingId, short Grade, DateTime At)>(new CommandDefinition(
            "SELECT seeker_id, posting_id, max(grade), max(occurred_at) FROM interactions GROUP BY seeker_id, posting_id",
            cancellationToken: cancellationToken))).ToList();
        var postingIds = graded.Select(row => row.PostingId).Distinct().ToArray();
        // Closed postings too: what happened to them is exactly what there is to learn from.
        var postings = (await connection.QueryAsync<PostingSnapshot>(new CommandDefinition(
            $"SELECT {ReadModelStore.PostingColumns} FROM postings WHERE posting_id = ANY(@postingIds)", new { postingIds },
            cancellationToken: cancellationToken)))
            .ToDictionary(posting => posting.PostingId, posting => IndexedPosting.From(posting, vocabulary));
        var queries = new List<RankingQuery>();
        foreach (var group in graded.GroupBy(row => row.SeekerId))
        {
            if (index.FindSeeker(group.Key) is not { } seeker) continue;
            var candidates = group.Where(row => postings.ContainsKey(row.PostingId))
                .Select(row => (postings[row.PostingId], (float)row.Grade)).ToList();
            if (!candidates.Any(candidate => candidate.Item2 > 0)) continue;
            var seen = candidates.Select(candidate => candidate.Item1.PostingId).ToHashSet();
            // Candidates the seeker was shown or could have been, and did nothing with: negatives.
            candidates.AddRange(index.CandidatesFor(seeker, now, 30).Where(posting => !seen.Contains(posting.PostingId)).Take(20).Select(posting => (posting, 0f)));
            queries.Add(new RankingQuery(seeker, candidates, group.Max(row => row.At)));
        }
        return queries;
    }
}
