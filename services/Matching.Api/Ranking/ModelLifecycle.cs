using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Ranking;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Api.Ranking;

/// <summary>
/// Keeps the right ranking on every instance. At start-up it loads the promoted model; when there is none (a new
/// installation, or only an XGBoost model from before issue 13, which is retired and never read) one instance,
/// holding an advisory lock, trains the cold-start model and puts it to the promotion rule (<see cref="Promotion"/>):
/// promoted, it serves; refused, the transparent fit serves and the model page says why. Afterwards it swaps in
/// whatever model another instance or a retraining promoted — a reference swap, so requests in flight finish on the
/// old one — and runs the scheduled retraining. A promoted model that fails to load leaves the previous one serving.
/// </summary>
public sealed class ModelLifecycle(
    NpgsqlDataSource dataSource, RankerSlot slot, ServingModel serving, Retrainer retrainer, ConceptVocabulary vocabulary,
    IOptions<RankingOptions> options, TimeProvider clock, ILogger<ModelLifecycle> logger) : BackgroundService
{
    private const long BootstrapLock = 0x4D6F64656C426F6F; // "ModelBoo"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRetrain = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureServingAsync(stoppingToken);
                var every = options.Value.RetrainEvery;
                if (every > TimeSpan.Zero && clock.GetUtcNow() - lastRetrain >= every)
                {
                    lastRetrain = clock.GetUtcNow();
                    var outcome = await retrainer.RetrainAsync(stoppingToken);
                    logger.LogInformation("Scheduled retraining: {Outcome}", outcome.Decision);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Ranking model check failed; retrying");
            }
            await Task.Delay(serving.Reason.StartsWith("no model yet", StringComparison.Ordinal) ? TimeSpan.FromSeconds(1) : options.Value.ModelPollInterval, stoppingToken);
        }
    }

    /// <summary>Serves the promoted model, training and deciding on the cold-start one first if there is none; swaps when a newer one is promoted.</summary>
    public async Task EnsureServingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var promoted = await ModelStore.PromotedAsync(connection, cancellationToken);
        if (promoted is not null && !Servable(promoted))
        {
            logger.LogWarning("Promoted model {Version} is {Format} on {Features} features; this build serves {Current} on {Count}: retired, the cold-start model is retrained",
                promoted.Version, promoted.Format, promoted.Features.Length, ModelStore.CurrentFormat, RankingFeatures.Count);
            await ModelStore.RetireAsync(connection, promoted.Version, cancellationToken);
            promoted = null;
        }
        promoted ??= await ColdStartAsync(connection, cancellationToken);
        if (promoted is null)
        {
            var latest = await ModelStore.LatestAsync(connection, RankingFeatures.Names, cancellationToken);
            var reason = $"transparent fit: model {latest?.Version} {latest?.Decision ?? "was not promoted"}";
            var previous = slot.Publish(null);
            if (previous is not null || serving.Reason != reason)
                logger.LogInformation("Serving the transparent fit (was {Previous}): {Reason}", previous?.Version ?? serving.Version, reason);
            serving.Serving(MatchRanker.TransparentVersion, reason);
            return;
        }
        if (slot.Current?.Version == promoted.Version) return;
        if (serving.LoadFailure?.StartsWith($"model {promoted.Version} ", StringComparison.Ordinal) == true) return;
        try
        {
            var loaded = MlNetRanker.Load(promoted.Model, promoted.Version, RankingFeatures.Count);
            var previous = slot.Publish(loaded);
            serving.Serving(promoted.Version, promoted.Decision ?? "promoted");
            logger.LogInformation("Serving ranking model {Version} (was {Previous})", promoted.Version, previous?.Version ?? MatchRanker.TransparentVersion);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException)
        {
            serving.FailedToLoad(promoted.Version, exception.Message);
            logger.LogError(exception, "Promoted ranking model {Version} failed to load; still serving {Current}", promoted.Version, serving.Version);
        }
    }

    private static bool Servable(StoredModel model) =>
        model.Format == ModelStore.CurrentFormat && model.Features.SequenceEqual(RankingFeatures.Names);

    /// <summary>
    /// When no model is promoted and none was decided on for this feature set: trains the cold-start model (one
    /// instance, under the lock), puts it to the promotion rule and stores it either way. Returns it when promoted.
    /// </summary>
    private async Task<StoredModel?> ColdStartAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await ModelStore.LatestColdStartAsync(connection, RankingFeatures.Names, cancellationToken) is not null) return null;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({BootstrapLock})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        await using var other = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ModelStore.PromotedVersionAsync(other, cancellationToken) is null
            && await ModelStore.LatestColdStartAsync(other, RankingFeatures.Names, cancellationToken) is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (model, validation, source) = await ColdStartValidationAsync(now, cancellationToken);
            var decision = Promotion.Decide(validation, model.Ranker, serving: null);
            await ModelStore.SaveAsync(other, model.Ranker.Version, "bootstrap", model.Ranker.Save(), RankingFeatures.Names,
                model.Metrics(decision, source), decision.Promote, cancellationToken);
            logger.LogInformation("Cold-start model {Version}: {Decision}", model.Ranker.Version, decision.Reason);
        }
        await transaction.CommitAsync(cancellationToken);
        return await ModelStore.PromotedAsync(other, cancellationToken);
    }

    /// <summary>
    /// The cold-start model and the queries it is judged on: the newest fifth of real outcomes when there are enough
    /// of them (an installation that lost its model), else the bootstrap set's own held-out fifth — generated by the
    /// same market it learned from, so a weak test, said so in the decision.
    /// </summary>
    private async Task<(BootstrapModel.Trained Model, RankingDataset Validation, string Source)> ColdStartValidationAsync(DateTime now, CancellationToken cancellationToken)
    {
        var model = BootstrapModel.Train(vocabulary, options.Value, now);
        var outcomes = await retrainer.OutcomeQueriesAsync(now, cancellationToken);
        if (outcomes.Count >= options.Value.MinimumOutcomeQueries)
        {
            var heldOut = outcomes.OrderBy(query => query.At).Skip((int)(outcomes.Count * 0.8)).ToList();
            return (model, retrainer.Build(heldOut), $"the newest {heldOut.Count} of {outcomes.Count} seekers with outcomes");
        }
        return (model, model.Validation, $"the bootstrap set's own held-out {model.Validation.Groups} queries (no real outcomes yet)");
    }
}

/// <summary>
/// The cold-start model: LambdaRank on the generated bootstrap set (<see cref="SyntheticMarket"/>), until outcomes
/// train a better one. Trained once per process: the set is deterministic, so tests and instances share the result.
/// </summary>
public static class BootstrapModel
{
    public const int Seed = 20261122;
    private static readonly Lock CacheGate = new();
    private static (RankingOptions Options, byte[] Model, string Version, RankingDataset Validation, object Sizes)? cached;

    public sealed record Trained(MlNetRanker Ranker, RankingDataset Validation, object Sizes)
    {
        public object Metrics(PromotionDecision decision, string validatedOn) => new
        {
            decision = decision.Reason, validatedOn, sizes = Sizes, ndcgAt10 = decision.CandidateNdcg, fitNdcgAt10 = decision.FitNdcg,
            differenceLower = decision.VersusFit.Lower, differenceUpper = decision.VersusFit.Upper,
        };
    }

    public static Trained Train(ConceptVocabulary vocabulary, RankingOptions options, DateTime now)
    {
        lock (CacheGate)
        {
            if (cached is null || !SameTraining(cached.Value.Options, options))
            {
                var queries = TrainingSet.Bootstrap(vocabulary, Seed, options.BootstrapSeekers, options.BootstrapPostings, now);
                var split = (int)(queries.Count * 0.8);
                var rates = new EmployerResponseRates();
                var behaviour = new BehaviourSignals();
                var training = TrainingSet.Build(queries[..split], vocabulary, rates, behaviour);
                var validation = TrainingSet.Build(queries[split..], vocabulary, rates, behaviour);
                var version = $"bootstrap-{now:yyyyMMddHHmmss}";
                var model = LambdaRankTrainer.Train(training, options.Training, version);
                cached = (options, model.Save(), version, validation, new
                {
                    trainer = options.Trainer.ToString(), trainingQueries = split, validationQueries = queries.Count - split, trainingRows = training.Rows,
                });
            }
            var (_, bytes, cachedVersion, heldOut, sizes) = cached.Value;
            return new Trained(MlNetRanker.Load(bytes, cachedVersion, RankingFeatures.Count), heldOut, sizes);
        }
    }

    private static bool SameTraining(RankingOptions a, RankingOptions b) =>
        a.Training == b.Training && a.BootstrapSeekers == b.BootstrapSeekers && a.BootstrapPostings == b.BootstrapPostings;
}
