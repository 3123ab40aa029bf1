using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Matches;
using Matching.Api.ReadModel;

namespace Matching.Api.Consumers;

public sealed class JobPublishedConsumer(Transactions transactions, ReadModelStore readModel, Recommender recommender) : IConsumer<JobPublished>
{
    public Task Consume(ConsumeContext<JobPublished> context) =>
        transactions.RunOnceAsync(context, nameof(JobPublishedConsumer), async transaction =>
        {
            await recommender.LockAnnouncementsAsync(transaction);
            if (await readModel.ApplyAsync(transaction, context.Message))
                await recommender.AnnounceForPostingAsync(transaction, context.Message.PostingId);
        });
}
