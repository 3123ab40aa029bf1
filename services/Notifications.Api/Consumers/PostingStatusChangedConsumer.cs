using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Tells the employer (the organisation, read by its users) what screening or review decided, and when a posting expired.</summary>
public sealed class PostingStatusChangedConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<PostingStatusChanged>
{
    /// <summary>The steps an employer waits to hear about; submitted and screening pass in a moment.</summary>
    private static readonly HashSet<string> Told = new(StringComparer.Ordinal) { "published", "needsReview", "rejected", "draft", "expired" };

    public async Task Consume(ConsumeContext<PostingStatusChanged> context)
    {
        // Announced after the commit, so a stream never hears of a notification that was rolled back.
        if (await transactions.RunOnceAsync(context, nameof(PostingStatusChangedConsumer), transaction =>
            !Told.Contains(context.Message.To) || context.Message.From == "draft" && context.Message.To == "draft"
                ? Task.CompletedTask
                : notifier.NotifyAsync(transaction, context.Message.EmployerId, NotificationKind.PostingStatus,
                    new NotificationText.StatusData(context.Message.PostingId, context.Message.PostingId, context.Message.To, context.Message.Reason))))
        {
            await live.AnnounceAsync(context.Message.EmployerId);
        }
    }
}
