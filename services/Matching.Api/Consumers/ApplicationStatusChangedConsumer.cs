using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.Outcomes;
using MassTransit;

namespace Matching.Api.Consumers;

public sealed class ApplicationStatusChangedConsumer(Transactions transactions) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context) =>
        transactions.RunOnceAsync(context, nameof(ApplicationStatusChangedConsumer), transaction => OutcomeStore.RecordAsync(transaction, context.Message));
}
