using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;

namespace JobPostings.Api.SavedSearches;

/// <summary>A deleted seeker's saved searches stop alerting and are gone.</summary>
public sealed class SeekerDeletedConsumer(Transactions transactions) : IConsumer<SeekerDeleted>
{
    public Task Consume(ConsumeContext<SeekerDeleted> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerDeletedConsumer), transaction =>
            SavedSearchStore.DeleteForSeekerAsync(transaction, context.Message.SeekerId));
}
