using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace JobPostings.Api.Postings;

public sealed class PostingExpiryOptions
{
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long before its validity ends the employer is told a posting is about to expire (PostingExpiring).</summary>
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>
/// Expires published postings past their validity and announces each (JobClosed "expired"), so matching drops them;
/// before that, warns each posting's employer once that it is about to expire (PostingExpiring).
/// Search does not wait for this sweep: it already hides anything past its validity date.
/// </summary>
internal sealed partial class PostingExpiry(
    Transactions transactions, PostingStore store, TimeProvider clock, IOptions<PostingExpiryOptions> options, ILogger<PostingExpiry> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                while (await WarnBatchAsync(stoppingToken) == BatchSize)
                {
                }
                while (await ExpireBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private Task<int> ExpireBatchAsync(CancellationToken cancellationToken) =>
        transactions.RunAsync(async transaction =>
        {
            var expired = await store.ExpireDueAsync(transaction, BatchSize);
            var now = clock.GetUtcNow();
            foreach (var posting in expired)
            {
                await transaction.PublishAsync(new PostingStatusChanged(posting.Id, posting.EmployerId, "published", "expired", "expired", now));
                await transaction.PublishAsync(new JobClosed(posting.Id, "expired", now));
            }
            return expired.Count;
        }, cancellationToken);

    /// <summary>The warning is remembered on the posting in the transaction that queues it, so it goes out once.</summary>
    private Task<int> WarnBatchAsync(CancellationToken cancellationToken) =>
        transactions.RunAsync(async transaction =>
        {
            var expiring = await store.ClaimExpiringAsync(transaction, options.Value.WarnBefore, BatchSize);
            var now = clock.GetUtcNow();
            foreach (var posting in expiring)
            {
                await transaction.PublishAsync(new PostingExpiring(posting.Id, posting.EmployerId, posting.Title,
                    new DateTimeOffset(posting.ValidUntil!.Value, TimeSpan.Zero), now));
            }

            return expiring.Count;
        }, cancellationToken);

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting expiry sweep failed; retrying at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
