using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Tells the seeker a new posting matches a search they saved (the job-posting service sends one per seeker and posting).</summary>
public sealed class SavedSearchMatchedConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<SavedSearchMatched>
{
    public async Task Consume(ConsumeContext<SavedSearchMatched> context)
    {
        var hit = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(SavedSearchMatchedConsumer), transaction =>
            notifier.NotifyAsync(transaction, hit.SeekerId, NotificationKind.SavedSearch,
                new NotificationText.SavedSearchData(hit.PostingId, hit.PostingTitle, hit.SavedSearchIds))))
        {
            await live.AnnounceAsync(hit.SeekerId);
        }
    }
}
