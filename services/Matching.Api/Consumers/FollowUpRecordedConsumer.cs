using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class FollowUpRecordedConsumer(Transactions transactions) : IConsumer<FollowUpRecorded>
{
    public Task Consume(ConsumeContext<FollowUpRecorded> context) =>
        transactions.RunOnceAsync(context, nameof(FollowUpRecordedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
}
