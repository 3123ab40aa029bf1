using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Outcomes;

namespace Matching.Api.Consumers;

public sealed class ApplicationStatusChangedConsumer(Transactions transactions) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context) =>
        transactions.RunOnceAsync(context, nameof(ApplicationStatusChangedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
}
