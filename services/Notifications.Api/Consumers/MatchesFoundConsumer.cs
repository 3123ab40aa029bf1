using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Matching's recommendations; those a caseworker's campaign sent read as the employment service's own (kind "campaign").</summary>
public sealed class MatchesFoundConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<MatchesFound>
{
    public async Task Consume(ConsumeContext<MatchesFound> context)
    {
        var found = context.Message;
        // Announced after the commit, so a stream never hears of a notification that was rolled back.
        if (await transactions.RunOnceAsync(context, nameof(MatchesFoundConsumer), transaction => found.CampaignId is { } campaignId
                ? notifier.NotifyAsync(transaction, found.SeekerId, NotificationKind.Campaign, new NotificationText.CampaignData(campaignId, found.Postings))
                : notifier.NotifyAsync(transaction, found.SeekerId, NotificationKind.NewMatches, found.Postings)))
        {
            await live.AnnounceAsync(found.SeekerId);
        }
    }
}
