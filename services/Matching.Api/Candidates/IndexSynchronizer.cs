using JobMatch.ServiceDefaults.Health;
using Matching.Api.ReadModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Matching.Api.Candidates;

/// <summary>
/// Keeps this instance's <see cref="CandidateIndex"/> equal to the store: loads everything at start-up, then reads the
/// store's change feed every <see cref="PollInterval"/> (another instance's consumers wrote those rows), and before every
/// answer (<see cref="FreshAsync"/>), so a closed posting or a withdrawn seeker leaves this instance's results at once.
/// Not ready until the first load has finished.
/// </summary>
public sealed class IndexSynchronizer(
    NpgsqlDataSource dataSource, CandidateIndex index, ConceptVocabulary vocabulary, ILogger<IndexSynchronizer> logger)
    : BackgroundService, IHealthCheck
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong watermark;

    public Task Loaded => loaded.Task;

    /// <summary>
    /// Returns once the index holds everything committed before the call: joins a catch-up that has not started yet, or
    /// queues one behind the one running. However many callers arrive together, at most one read of the change feed
    /// runs and one waits, so a read-your-writes guarantee costs one round trip under any load.
    /// </summary>
    public Task FreshAsync(CancellationToken cancellationToken = default)
    {
        Task catchUp;
        lock (pendingGate) catchUp = pending ??= CatchUpAfterCurrentAsync();
        return catchUp.WaitAsync(cancellationToken);
    }

    private readonly object pendingGate = new();
    private Task? pending;

    private async Task CatchUpAfterCurrentAsync()
    {
        await Task.Yield(); // first leave the caller's lock, so this task is `pending` before it can clear it
        await oneAtATime.WaitAsync();
        try
        {
            // From here on, newcomers need a catch-up that starts after them: the next one.
            lock (pendingGate) pending = null;
            await using var connection = await dataSource.OpenConnectionAsync();
            var changes = await ReadModelStore.ChangesSinceAsync(connection, null, watermark, CancellationToken.None);
            if (changes.Postings.Count + changes.Seekers.Count + changes.RemovedSeekers.Count > 0)
            {
                index.Apply(
                    changes.Postings.Select(posting => IndexedPosting.From(posting, vocabulary)),
                    changes.Seekers.Select(seeker => IndexedSeeker.From(seeker, vocabulary)),
                    changes.RemovedSeekers);
            }
            watermark = Math.Max(watermark, changes.Watermark);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!loaded.Task.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await FreshAsync(stoppingToken);
                logger.LogInformation("Candidate index loaded: {Postings} open postings, {Seekers} seekers in {Elapsed} ms",
                    index.PostingCount, index.SeekerCount, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                loaded.TrySetResult();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Candidate index could not load yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Candidate index could not read the change feed; retrying");
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(loaded.Task.IsCompleted
            ? HealthCheckResult.Healthy($"{index.PostingCount} postings, {index.SeekerCount} seekers")
            : HealthCheckResult.Unhealthy("candidate index still loading"));

    public override void Dispose()
    {
        oneAtATime.Dispose();
        base.Dispose();
    }
}
