using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class ApplicationSubmittedConsumer(Transactions transactions, BehaviourSignals behaviour) : IConsumer<ApplicationSubmitted>
{
    public async Task Consume(ConsumeContext<ApplicationSubmitted> context)
    {
        await transactions.RunOnceAsync(context, nameof(ApplicationSubmittedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
        behaviour.Recorded();
    }
}
