using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

public sealed class SeekerDeletedConsumer(Transactions transactions, NotificationStore notifications) : IConsumer<SeekerDeleted>
{
    public Task Consume(ConsumeContext<SeekerDeleted> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerDeletedConsumer), transaction =>
            notifications.DeleteForRecipientAsync(transaction, context.Message.SeekerId));
}
