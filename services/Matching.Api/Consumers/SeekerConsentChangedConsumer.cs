using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.ReadModel;

namespace Matching.Api.Consumers;

public sealed class SeekerConsentChangedConsumer(Transactions transactions, ReadModelStore readModel) : IConsumer<SeekerConsentChanged>
{
    public Task Consume(ConsumeContext<SeekerConsentChanged> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerConsentChangedConsumer), transaction => readModel.ApplyAsync(transaction, context.Message));
}
