using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>
/// Tells the seeker where their application stands; a withdrawal was the seeker's own doing, so it is not news to them,
/// and a move to interview that came with one scheduled is told by the interview's own notice (time and place).
/// </summary>
public sealed class ApplicationStatusChangedConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<ApplicationStatusChanged>
{
    public async Task Consume(ConsumeContext<ApplicationStatusChanged> context)
    {
        // Announced after the commit, so a stream never hears of a notification that was rolled back.
        if (await transactions.RunOnceAsync(context, nameof(ApplicationStatusChangedConsumer), transaction =>
            context.Message.To == "withdrawn" || context.Message.WithInterview
                ? Task.CompletedTask
                : notifier.NotifyAsync(transaction, context.Message.SeekerId, NotificationKind.ApplicationStatus,
                    new NotificationText.StatusData(context.Message.ApplicationId, context.Message.PostingId, context.Message.To, context.Message.Reason))))
        {
            await live.AnnounceAsync(context.Message.SeekerId);
        }
    }
}
