using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.Extensions.Options;
using Notifications.Api.Notifications;
using Notifications.Api.Preferences;

namespace Notifications.Api.Delivery;

/// <summary>
/// Sends each person who chose it one e-mail a day at their digest hour (China Standard Time), listing that day's
/// notifications of the kinds they digest. Once per person and day with any number of instances: the digest row's key
/// makes one per day, the lease one sender at a time. Like every SMTP send it is at least once outside: a crash
/// between the send and recording it repeats that day's digest.
/// </summary>
public sealed partial class DigestWorker(
    DigestStore digests, PreferencesStore preferences, PersonalDataProtector protector, IEnumerable<IChannelSender> senders,
    IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<DigestWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private readonly IChannelSender _email = senders.Single(sender => sender.Channel == Channels.Email);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWorkerFailed(e);
            }
            try
            {
                await Task.Delay(options.Value.DigestPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: makes the digests that are due and sends those this instance claims. Returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var local = now.ToOffset(ChinaOffset);
        await digests.CreateDueAsync(DateOnly.FromDateTime(local.DateTime), local.Hour, now, cancellationToken);
        var due = await digests.ClaimDueAsync(now, options.Value.BatchSize, cancellationToken);
        foreach (var digest in due) await SendAsync(digest, now, cancellationToken);
        return due.Count;
    }

    private async Task SendAsync(DigestStore.DigestRow digest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await preferences.FindAsync(digest.PersonId, cancellationToken);
        var email = protector.UnprotectOptional(person?.EmailProtected);
        if (person is not { DigestHour: not null } || email is null)
        {
            await digests.FinishAsync(digest.Id, "failed", null, "No digest or e-mail address in the preferences any more.", cancellationToken);
            return;
        }
        var listed = await digests.CollectAsync(digest, person.DigestKinds, now, cancellationToken);
        if (listed.Count == 0)
        {
            await digests.FinishAsync(digest.Id, "empty", 0, null, cancellationToken);
            return;
        }
        var (title, body) = NotificationText.Digest(DateOnly.FromDateTime(digest.DigestDate),
            listed.Select(row => NotificationText.Render(row.Kind, row.Data, person.Language)).ToList(), person.Language);
        try
        {
            await _email.SendAsync(new OutgoingMessage(digest.Id, "digest", title, body, "{}", now.UtcDateTime, email, null, null, null), cancellationToken);
            await digests.FinishAsync(digest.Id, "sent", listed.Count, null, cancellationToken);
        }
        catch (DeliveryFailure failure)
        {
            var attempts = digest.Attempts + 1;
            if (failure.Permanent || attempts >= options.Value.MaxAttempts)
            {
                LogDigestFailed(digest.Id, failure.Message);
                await digests.FinishAsync(digest.Id, "failed", listed.Count, failure.Message, cancellationToken);
            }
            else
            {
                var backoff = TimeSpan.FromTicks(Math.Min(options.Value.MaxBackoff.Ticks, options.Value.FirstBackoff.Ticks * (1L << Math.Min(attempts - 1, 20))));
                await digests.RetryLaterAsync(digest.Id, failure.Message, now + backoff, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest worker failed; retrying")]
    private partial void LogWorkerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestId} failed for good: {Reason}")]
    private partial void LogDigestFailed(Guid digestId, string reason);
}
