using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Drops the seeker's notifications and preferences and keeps a tombstone, so late events for them make nothing.</summary>
public sealed class SeekerDeletedConsumer(Transactions transactions) : IConsumer<SeekerDeleted>
{
    public Task Consume(ConsumeContext<SeekerDeleted> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerDeletedConsumer), transaction =>
            NotificationStore.DeleteForRecipientAsync(transaction, context.Message.SeekerId));
}
