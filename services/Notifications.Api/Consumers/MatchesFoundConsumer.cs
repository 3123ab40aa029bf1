using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

public sealed class MatchesFoundConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<MatchesFound>
{
    public async Task Consume(ConsumeContext<MatchesFound> context)
    {
        // Announced after the commit, so a stream never hears of a notification that was rolled back.
        if (await transactions.RunOnceAsync(context, nameof(MatchesFoundConsumer), transaction =>
            notifier.NotifyAsync(transaction, context.Message.SeekerId, NotificationKind.NewMatches, context.Message.Postings)))
            await live.AnnounceAsync(context.Message.SeekerId);
    }
}
