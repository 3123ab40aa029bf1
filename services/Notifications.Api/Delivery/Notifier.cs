using Notifications.Api.Notifications;
using Notifications.Api.Preferences;

namespace Notifications.Api.Delivery;

/// <summary>
/// Tells a person something: the in-app notification, and a delivery for each outside channel they chose for
/// this kind, held back to the end of their quiet hours — all in the consumer's transaction, so once per event.
/// </summary>
public sealed class Notifier(NotificationStore notifications, PreferencesStore preferences, DeliveryStore deliveries, TimeProvider clock)
{
    public async Task NotifyAsync(JobMatch.ServiceDefaults.Messaging.ServiceTransaction transaction, Guid recipientId, string kind, object data)
    {
        var notificationId = await notifications.AddAsync(transaction, recipientId, kind, data);
        var chosen = await preferences.FindAsync(transaction, recipientId);
        var notBefore = PreferencesStore.QuietHoursOf(chosen)?.NextAllowed(clock.GetUtcNow()) ?? clock.GetUtcNow();
        foreach (var channel in PreferencesStore.ChannelsFor(chosen, kind))
            await deliveries.ScheduleAsync(transaction, notificationId, recipientId, channel, notBefore);
    }
}
