using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Applications;
using MassTransit;

namespace JobPostings.Api.SavedSearches;

/// <summary>A deleted seeker's saved searches stop alerting and are gone, and so are their applications and cover notes.</summary>
public sealed class SeekerDeletedConsumer(Transactions transactions) : IConsumer<SeekerDeleted>
{
    public Task Consume(ConsumeContext<SeekerDeleted> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerDeletedConsumer), async transaction =>
        {
            await SavedSearchStore.DeleteForSeekerAsync(transaction, context.Message.SeekerId);
            await ApplicationStore.DeleteForSeekerAsync(transaction, context.Message.SeekerId);
        });
}
