using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

public sealed class MatchesFoundConsumer(Transactions transactions, NotificationStore notifications) : IConsumer<MatchesFound>
{
    public Task Consume(ConsumeContext<MatchesFound> context) =>
        transactions.RunOnceAsync(context, nameof(MatchesFoundConsumer), transaction =>
            notifications.AddAsync(transaction, context.Message.SeekerId, NotificationKind.NewMatches, context.Message.Postings));
}
