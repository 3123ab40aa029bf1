using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class ApplicationStatusChangedConsumer(Transactions transactions, BehaviourSignals behaviour) : IConsumer<ApplicationStatusChanged>
{
    public async Task Consume(ConsumeContext<ApplicationStatusChanged> context)
    {
        await transactions.RunOnceAsync(context, nameof(ApplicationStatusChangedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
        behaviour.Recorded();
    }
}
