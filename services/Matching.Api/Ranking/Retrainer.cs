using Dapper;
using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.ReadModel;
using Matching.Ranking;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Api.Ranking;

public sealed record RetrainOutcome(string Decision, string? CandidateVersion, string? CurrentVersion, int Queries,
    double? CandidateNdcg, double? CurrentNdcg, double? FitNdcg, double? DifferenceLower, double? DifferenceUpper);

/// <summary>
/// Retrains the ranker from outcomes: each seeker with applications becomes a query whose postings are graded by how
/// far they got (applied 1 … hired 4, rejected 0) plus unanswered candidates as negatives, with features as of the
/// moment the seeker started. The newest fifth of the queries (by time) is held out; the new model is promoted only
/// if it passes <see cref="Promotion"/> there — beats both the serving model and the transparent fit.
/// </summary>
public sealed class Retrainer(
    NpgsqlDataSource dataSource, RankerSlot slot, CandidateIndex index, IndexSynchronizer synchronizer, ConceptVocabulary vocabulary, EmployerResponseRates rates,
    BehaviourSignals behaviour, KeyGroupPolicy policy, PostingPopularity popularity, IOptions<RankingOptions> options, TimeProvider clock, ILogger<Retrainer> logger)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task<RetrainOutcome> RetrainAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var queries = await OutcomeQueriesAsync(now, cancellationToken);
            var current = slot.Current;
            if (queries.Count < options.Value.MinimumOutcomeQueries)
            {
                return new RetrainOutcome($"not enough outcomes: {queries.Count} of {options.Value.MinimumOutcomeQueries} seekers with graded applications",
                    null, current?.Version, queries.Count, null, null, null, null, null);
            }

            await behaviour.RefreshAsync(dataSource, now, cancellationToken);
            queries = [.. queries.OrderBy(query => query.At)];
            var split = (int)(queries.Count * 0.8);
            var training = Build(queries[..split]);
            var version = $"outcomes-{now:yyyyMMddHHmmss}";
            var candidate = LambdaRankTrainer.Train(training, options.Value.Training, version);
            // Judged on the lists the service would give the held-out seekers now, from every open posting.
            var heldOut = queries[split..].ConvertAll(query => query.HeldOut());
            double[] Judged(IRanker? model)
            {
                var ranker = OpenCatalogueJudge.RankerWith(model, vocabulary, policy, rates, behaviour);
                return [.. heldOut.Select(seeker => OpenCatalogueJudge.Ndcg(index, ranker, popularity, seeker, now))];
            }
            var decision = Promotion.Decide(Judged(candidate), Judged(null),
                current is null || current.Columns != RankingFeatures.Count ? null : (current.Version, Judged(current)));
            var metrics = new
            {
                decision = decision.Reason, trainer = options.Value.Trainer.ToString(), trainingQueries = split, validationQueries = queries.Count - split,
                ndcgAt10 = decision.CandidateNdcg, servingNdcgAt10 = decision.ServingNdcg, fitNdcgAt10 = decision.FitNdcg, servingVersion = current?.Version,
                differenceLower = decision.VersusServing?.Lower ?? decision.VersusFit.Lower, differenceUpper = decision.VersusServing?.Upper ?? decision.VersusFit.Upper,
                fitDifferenceLower = decision.VersusFit.Lower, fitDifferenceUpper = decision.VersusFit.Upper,
            };
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await ModelStore.SaveAsync(connection, version, "outcomes", candidate.Save(), RankingFeatures.Names, metrics, decision.Promote, cancellationToken);
                if (decision.RetireServing) await ModelStore.RetireAsync(connection, current!.Version, cancellationToken);
            }
            logger.LogInformation("Retrained {Version}: {Decision}", version, decision.Reason);
            var shown = decision.VersusServing ?? decision.VersusFit;
            return new RetrainOutcome(decision.Reason, version, current?.Version, queries.Count, decision.CandidateNdcg, decision.ServingNdcg,
                decision.FitNdcg, shown.Lower, shown.Upper);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Training rows for outcome queries, with the service's current response rates and behaviour signals.</summary>
    public RankingDataset Build(IReadOnlyList<RankingQuery> queries) => TrainingSet.Build(queries, vocabulary, rates, behaviour);

    /// <summary>Every seeker with a graded application, as a query (<see cref="TrainingSet.Targets"/>).</summary>
    public async Task<List<RankingQuery>> OutcomeQueriesAsync(DateTime now, CancellationToken cancellationToken)
    {
        // The seekers come from the candidate index: bring it up to date first (at start-up it may not have loaded yet).
        await synchronizer.FreshAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var graded = (await connection.QueryAsync<(Guid SeekerId, Guid PostingId, short Grade, DateTime At)>(new CommandDefinition(
            "SELECT seeker_id, posting_id, max(grade), min(occurred_at) FROM interactions GROUP BY seeker_id, posting_id",
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
            if (index.FindSeeker(group.Key) is not { } stored) continue;
            var targets = TrainingSet.Targets(group.Where(row => postings.ContainsKey(row.PostingId))
                .Select(row => (row.PostingId, (float)row.Grade, DateTime.SpecifyKind(row.At, DateTimeKind.Utc))).ToList());
            if (targets is not { } found) continue;
            var (at, targeted, history) = found;
            // As recommendations query them: their own words and those of what they had acted on (still in the index).
            var seeker = stored.WithPastPostings(history.Select(index.FindPosting).OfType<IndexedPosting>().ToList(), vocabulary);
            var candidates = targeted.Select(target => (postings[target.Posting], target.Grade)).ToList();
            var seen = candidates.Select(candidate => candidate.Item1.PostingId).Concat(history).ToHashSet();
            // Candidates the seeker was shown or could have been, and did nothing with: negatives.
            candidates.AddRange(index.CandidatesFor(seeker, now, 30).Where(posting => !seen.Contains(posting.PostingId)).Take(20).Select(posting => (posting, 0f)));
            queries.Add(new RankingQuery(seeker, candidates, at, History: history.ToHashSet()).DescribedBy(index));
        }
        return queries;
    }
}
