using Dapper;
using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.Extensions.Options;
using Notifications.Api.Notifications;
using Notifications.Api.Preferences;
using Npgsql;

namespace Notifications.Api.Delivery;

/// <summary>
/// Sends due deliveries on their channels. Each delivery fails or succeeds alone; a transient failure is retried
/// with doubling back-off, a permanent one (or running out of attempts) is recorded as failed and shown to the
/// person. Delivery on outside channels is at least once: a crash between send and record repeats the send.
/// </summary>
public sealed partial class DeliveryWorker(
    DeliveryStore deliveries, NpgsqlDataSource dataSource, PersonalDataProtector protector, IEnumerable<IChannelSender> senders,
    IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(sender => sender.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await deliveries.ClaimDueAsync(options.Value.BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(delivery => DeliverAsync(delivery, stoppingToken)));
                if (due.Count == options.Value.BatchSize) continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWorkerFailed(e);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(DeliveryRow delivery, CancellationToken cancellationToken)
    {
        try
        {
            if (!_senders.TryGetValue(delivery.Channel, out var sender)) throw new DeliveryFailure($"Unknown channel {delivery.Channel}.", permanent: true);
            await sender.SendAsync(await ComposeAsync(delivery, cancellationToken), cancellationToken);
            await deliveries.MarkSentAsync(delivery.Id, cancellationToken);
        }
        catch (DeliveryFailure failure)
        {
            var attempts = delivery.Attempts + 1;
            if (failure.Permanent || attempts >= options.Value.MaxAttempts)
            {
                LogDeliveryFailed(delivery.Channel, delivery.Id, failure.Message);
                await deliveries.MarkFailedAsync(delivery.Id, failure.Message, cancellationToken);
            }
            else
            {
                var backoff = TimeSpan.FromTicks(Math.Min(options.Value.MaxBackoff.Ticks, options.Value.FirstBackoff.Ticks * (1L << Math.Min(attempts - 1, 20))));
                await deliveries.RetryLaterAsync(delivery.Id, failure.Message, clock.GetUtcNow() + backoff, cancellationToken);
            }
        }
    }

    /// <summary>The notification in the person's language, with their addresses opened for this one send.</summary>
    private async Task<OutgoingMessage> ComposeAsync(DeliveryRow delivery, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var notification = await connection.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(
            "SELECT id, recipient_id, kind, data::text AS data, created_at, read_at FROM notifications WHERE id = @NotificationId",
            new { delivery.NotificationId }, cancellationToken: cancellationToken))
            ?? throw new DeliveryFailure("The notification is gone.", permanent: true);
        var preferences = await connection.QuerySingleOrDefaultAsync<PreferencesRow>(new CommandDefinition(
            """
            SELECT person_id, language, email_protected, phone_protected, webhook_url, webhook_secret_protected, channels::text AS channels,
                   quiet_start, quiet_end FROM preferences WHERE person_id = @RecipientId
            """, new { delivery.RecipientId }, cancellationToken: cancellationToken))
            ?? throw new DeliveryFailure("The person has no preferences any more.", permanent: true);
        var (title, body) = NotificationText.Render(notification.Kind, notification.Data, preferences.Language);
        return new OutgoingMessage(notification.Id, notification.Kind, title, body, notification.Data, notification.CreatedAt,
            protector.UnprotectOptional(preferences.EmailProtected), protector.UnprotectOptional(preferences.PhoneProtected),
            preferences.WebhookUrl, protector.UnprotectOptional(preferences.WebhookSecretProtected));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery worker failed; retrying")]
    private partial void LogWorkerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} on {Channel} failed for good: {Reason}")]
    private partial void LogDeliveryFailed(string channel, Guid deliveryId, string reason);
}
