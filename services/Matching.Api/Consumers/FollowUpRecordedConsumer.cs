using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class FollowUpRecordedConsumer(Transactions transactions, BehaviourSignals behaviour) : IConsumer<FollowUpRecorded>
{
    public async Task Consume(ConsumeContext<FollowUpRecorded> context)
    {
        await transactions.RunOnceAsync(context, nameof(FollowUpRecordedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
        behaviour.Recorded();
    }
}
