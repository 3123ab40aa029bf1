using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Matches;
using Matching.Api.ReadModel;

namespace Matching.Api.Consumers;

public sealed class ProfileUpdatedConsumer(Transactions transactions, ReadModelStore readModel, Recommender recommender) : IConsumer<ProfileUpdated>
{
    public Task Consume(ConsumeContext<ProfileUpdated> context) =>
        transactions.RunOnceAsync(context, nameof(ProfileUpdatedConsumer), async transaction =>
        {
            await recommender.LockAnnouncementsAsync(transaction);
            if (await readModel.ApplyAsync(transaction, context.Message))
                await recommender.AnnounceForSeekerAsync(transaction, context.Message.SeekerId);
        });
}
