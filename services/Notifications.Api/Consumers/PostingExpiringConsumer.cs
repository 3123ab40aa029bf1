using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Tells the employer (the organisation, read by its users, as for status changes) that a posting expires soon.</summary>
public sealed class PostingExpiringConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<PostingExpiring>
{
    public async Task Consume(ConsumeContext<PostingExpiring> context)
    {
        var expiring = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(PostingExpiringConsumer), transaction =>
            notifier.NotifyAsync(transaction, expiring.EmployerId, NotificationKind.PostingExpiring,
                new NotificationText.ExpiringData(expiring.PostingId, expiring.Title, expiring.ValidUntil))))
        {
            await live.AnnounceAsync(expiring.EmployerId);
        }
    }
}
