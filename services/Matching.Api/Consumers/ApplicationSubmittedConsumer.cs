using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class ApplicationSubmittedConsumer(Transactions transactions) : IConsumer<ApplicationSubmitted>
{
    public Task Consume(ConsumeContext<ApplicationSubmitted> context) =>
        transactions.RunOnceAsync(context, nameof(ApplicationSubmittedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
}
