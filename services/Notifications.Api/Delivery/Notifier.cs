using JobMatch.ServiceDefaults.Messaging;
using Notifications.Api.Notifications;
using Notifications.Api.Preferences;

namespace Notifications.Api.Delivery;

/// <summary>
/// Tells a person something: the in-app notification, and a delivery for each outside channel they chose for
/// this kind, held back to the end of their quiet hours — all in the consumer's transaction, so once per event.
/// Kinds the person takes as a daily digest get no e-mail of their own (the digest lists them). Nothing for a
/// deleted account, even when the event was already on its way.
/// </summary>
public sealed class Notifier(NotificationStore notifications, PreferencesStore preferences, DeliveryStore deliveries, TimeProvider clock)
{
    public async Task NotifyAsync(ServiceTransaction transaction, Guid recipientId, string kind, object data)
    {
        if (!await NotificationStore.LockLiveRecipientAsync(transaction, recipientId)) return;
        var notificationId = await notifications.AddAsync(transaction, recipientId, kind, data);
        var chosen = await preferences.FindAsync(transaction, recipientId);
        var notBefore = PreferencesStore.QuietHoursOf(chosen)?.NextAllowed(clock.GetUtcNow()) ?? clock.GetUtcNow();
        var digested = PreferencesStore.DigestsKind(chosen, kind);
        foreach (var channel in PreferencesStore.ChannelsFor(chosen, kind))
        {
            if (digested && channel == Channels.Email) continue;
            await deliveries.ScheduleAsync(transaction, notificationId, recipientId, channel, notBefore);
        }
    }
}
