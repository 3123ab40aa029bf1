using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

public sealed class MatchesFoundConsumer(Transactions transactions, Notifier notifier) : IConsumer<MatchesFound>
{
    public Task Consume(ConsumeContext<MatchesFound> context) =>
        transactions.RunOnceAsync(context, nameof(MatchesFoundConsumer), transaction =>
            notifier.NotifyAsync(transaction, context.Message.SeekerId, NotificationKind.NewMatches, context.Message.Postings));
}
