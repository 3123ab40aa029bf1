using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace JobPostings.Api.Search;

/// <summary>
/// Keeps this instance's <see cref="SearchIndex"/> equal to PostgreSQL: loads every live posting at start-up, then reads
/// the postings written since (migration 016's written_by, at or after the oldest transaction still running when it last
/// looked, so a late commit is never skipped) every <see cref="PollInterval"/> and before every search
/// (<see cref="FreshAsync"/>), so a search sees every write committed before it. Not ready until the first load is done,
/// nor while the index is more than <see cref="MaxLag"/> behind; the lag is also the metric
/// jobmatch.postings.search.index.lag (seconds).
/// </summary>
public sealed partial class SearchIndexFeed(NpgsqlDataSource dataSource, SearchIndex index, ILogger<SearchIndexFeed> logger) : BackgroundService, IHealthCheck
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(5);
    private const int LoadBatch = 2000;

    private static readonly Meter Meter = new("JobMatch.Postings.Search");
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object pendingGate = new();
    private Task? pending;
    private ulong watermark;
    private readonly Dictionary<Guid, long> applied = [];
    private long freshAsOf = Stopwatch.GetTimestamp();
    private ObservableGauge<double>? lagGauge;

    public Task Loaded => loaded.Task;

    /// <summary>How far behind PostgreSQL the index may be: the time since the start of the last catch-up that finished.</summary>
    public TimeSpan Lag => Stopwatch.GetElapsedTime(Interlocked.Read(ref freshAsOf));

    /// <summary>
    /// Returns once the index holds everything committed before the call: joins a catch-up that has not started yet, or
    /// queues one behind the one running, so however many searches arrive together one read of the feed serves them.
    /// (The same gate as Matching.Api's IndexSynchronizer.)
    /// </summary>
    public Task FreshAsync(CancellationToken cancellationToken = default)
    {
        Task catchUp;
        lock (pendingGate) catchUp = pending ??= CatchUpAfterCurrentAsync();
        return catchUp.WaitAsync(cancellationToken);
    }

    private async Task CatchUpAfterCurrentAsync()
    {
        await Task.Yield(); // leave the caller's lock first, so this task is `pending` before it can clear it
        await oneAtATime.WaitAsync();
        try
        {
            lock (pendingGate) pending = null;
            var started = Stopwatch.GetTimestamp();
            await using var connection = await dataSource.OpenConnectionAsync();
            ulong next;
            if (watermark == 0)
            {
                next = ulong.Parse(await connection.ExecuteScalarAsync<string>(Snapshot) ?? "0", CultureInfo.InvariantCulture);
                await LoadAsync(connection);
            }
            else
            {
                // One round trip: the snapshot's oldest running transaction first, then what was written since the last one.
                await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                    $"{Snapshot}; SELECT {Columns} FROM postings WHERE written_by >= @since::xid8", new { since = watermark.ToString(CultureInfo.InvariantCulture) }));
                next = ulong.Parse(await results.ReadSingleAsync<string>(), CultureInfo.InvariantCulture);
                var changed = (await results.ReadAsync<IndexedPosting>()).Where(NotYetApplied).ToList();
                if (changed.Count > 0) index.Apply(changed);
            }
            watermark = Math.Max(watermark, next);
            foreach (var id in applied.Where(pair => pair.Value < (long)watermark).Select(pair => pair.Key).ToList()) applied.Remove(id);
            Interlocked.Exchange(ref freshAsOf, started);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>
    /// Whether this version of the posting is new to the index. While some transaction stays open the watermark stays
    /// behind it and each read returns the rows written since again; each is applied once per write, not once per read.
    /// </summary>
    private bool NotYetApplied(IndexedPosting posting)
    {
        if (applied.TryGetValue(posting.Id, out var writtenBy) && writtenBy == posting.WrittenBy) return false;
        applied[posting.Id] = posting.WrittenBy;
        return true;
    }

    /// <summary>Every live posting, in id order batch by batch (a posting written meanwhile is read again by the next catch-up).</summary>
    private async Task LoadAsync(NpgsqlConnection connection)
    {
        var after = Guid.Empty;
        while (true)
        {
            var batch = (await connection.QueryAsync<IndexedPosting>(new CommandDefinition(
                $"SELECT {Columns} FROM postings WHERE status = 'Published' AND duplicate_of IS NULL AND id > @after ORDER BY id LIMIT {LoadBatch}",
                new { after }))).AsList();
            if (batch.Count == 0) return;
            index.Apply(batch);
            after = batch[^1].Id;
        }
    }

    private const string Snapshot = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";

    private const string Columns =
        "id, status = 'Published' AND duplicate_of IS NULL AS live, search_terms::text AS terms, employment_type AS employmenttype, " +
        "region_code AS regioncode, occupation_code AS occupationcode, national_occupation_code AS nationaloccupationcode, salary_min AS salarymin, salary_max AS salarymax, education, " +
        "experience_years AS experienceyears, key_groups AS keygroups, latitude, longitude, published_at AS publishedat, valid_until AS validuntil, " +
        "written_by::text::bigint AS writtenby";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lagGauge ??= Meter.CreateObservableGauge(
            "jobmatch.postings.search.index.lag", () => Lag.TotalSeconds, "s", description: "How far the in-process search index may be behind PostgreSQL.");
        while (!loaded.Task.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await FreshAsync(stoppingToken);
                LogLoaded(index.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                loaded.TrySetResult();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogNotLoaded(exception);
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
                LogFeedFailed(exception);
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!loaded.Task.IsCompleted ? HealthCheckResult.Unhealthy("search index still loading")
            : Lag > MaxLag ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"search index {Lag.TotalSeconds:F1} s behind PostgreSQL"))
            : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{index.Count} postings, {Lag.TotalSeconds:F1} s behind")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index loaded: {Postings} live postings in {Elapsed} ms")]
    private partial void LogLoaded(int postings, long elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index could not load yet; retrying")]
    private partial void LogNotLoaded(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index could not read the change feed; retrying")]
    private partial void LogFeedFailed(Exception exception);

    public override void Dispose()
    {
        oneAtATime.Dispose();
        base.Dispose();
    }
}
