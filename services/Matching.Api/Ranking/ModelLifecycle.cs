using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Ranking;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Api.Ranking;

/// <summary>
/// Keeps a model serving on every instance. At start-up it loads the promoted model; when there is none (a new
/// installation) one instance, holding an advisory lock, trains the cold-start model on the generated bootstrap set
/// and promotes it. Afterwards it swaps in whatever model another instance or a retraining promoted — a reference
/// swap, so requests in flight finish on the old one and nothing stops — and runs the scheduled retraining.
/// </summary>
public sealed class ModelLifecycle(
    NpgsqlDataSource dataSource, RankerSlot slot, Retrainer retrainer, ConceptVocabulary vocabulary, IOptions<RankingOptions> options,
    TimeProvider clock, ILogger<ModelLifecycle> logger) : BackgroundService
{
    private const long BootstrapLock = 0x4D6F64656C426F6F; // "ModelBoo"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            XGBoostLibrary.EnsureAvailable();
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError(exception, "No ranking model can serve; recommendations use the transparent fit");
            return;
        }
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
            await Task.Delay(slot.Current is null ? TimeSpan.FromSeconds(1) : options.Value.ModelPollInterval, stoppingToken);
        }
    }

    /// <summary>Serves the promoted model (training the bootstrap one first if there is none); swaps when a newer one is promoted.</summary>
    public async Task EnsureServingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var promoted = await ModelStore.PromotedVersionAsync(connection, cancellationToken);
        if (promoted is null)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({BootstrapLock})", connection, transaction))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            await using var other = await dataSource.OpenConnectionAsync(cancellationToken);
            if (await ModelStore.PromotedVersionAsync(other, cancellationToken) is null)
            {
                var (model, metrics) = BootstrapModel.Train(vocabulary, options.Value, clock.GetUtcNow().UtcDateTime);
                using (model)
                    await ModelStore.SaveAsync(other, model.Version, "bootstrap", model.Save(), RankingFeatures.Names, metrics, promote: true, cancellationToken);
                logger.LogInformation("Trained and promoted the cold-start model {Version}", model.Version);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (slot.Current?.Version == promoted && promoted is not null) return;
        var stored = await ModelStore.PromotedAsync(connection, cancellationToken);
        if (stored is null || slot.Current?.Version == stored.Version) return;
        if (!stored.Features.SequenceEqual(RankingFeatures.Names))
        {
            logger.LogWarning("Promoted model {Version} was trained on other features; keeping the current one", stored.Version);
            return;
        }
        var previous = slot.Publish(XGBoostRanker.Load(stored.Model, stored.Version, RankingFeatures.Count));
        logger.LogInformation("Serving ranking model {Version} (was {Previous})", stored.Version, previous?.Version ?? "none");
        // Requests that took the previous model a moment ago may still be scoring with it: let them finish first.
        if (previous is IDisposable disposable)
            _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => disposable.Dispose(), TaskScheduler.Default);
    }
}

/// <summary>The cold-start model: LambdaMART on the generated bootstrap set, until enough real outcomes exist.</summary>
public static class BootstrapModel
{
    public const int Seed = 20261122;
    private static readonly Lock cacheGate = new();
    private static (byte[] Model, string Version, object Metrics)? cached;

    /// <summary>Trains (once per process: the set is deterministic, so tests and instances share the result) and returns a fresh ranker.</summary>
    public static (XGBoostRanker Model, object Metrics) Train(ConceptVocabulary vocabulary, RankingOptions options, DateTime now)
    {
        lock (cacheGate)
        {
            if (cached is null)
            {
                var queries = TrainingSet.Bootstrap(vocabulary, Seed, options.BootstrapSeekers, options.BootstrapPostings, now);
                var split = (int)(queries.Count * 0.8);
                var rates = new EmployerResponseRates();
                var training = TrainingSet.Build(queries[..split], vocabulary, rates, now);
                var validation = TrainingSet.Build(queries[split..], vocabulary, rates, now);
                var version = $"bootstrap-{now:yyyyMMddHHmmss}";
                using var model = LambdaMartTrainer.Train(training, new LambdaMartOptions(Rounds: options.Rounds), version, validation);
                var ndcg = RankingMetrics.Bootstrap(RankingMetrics.NdcgPerQuery(validation, model.Score(validation), 10));
                cached = (model.Save(), version, new
                {
                    trainingQueries = split, validationQueries = queries.Count - split, trainingRows = training.Rows,
                    ndcgAt10 = ndcg.Mean, ndcgAt10Lower = ndcg.Lower, ndcgAt10Upper = ndcg.Upper,
                });
            }
            var (bytes, cachedVersion, metrics) = cached.Value;
            return (XGBoostRanker.Load(bytes, cachedVersion, RankingFeatures.Count), metrics);
        }
    }
}
