using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.ReadModel;

namespace Matching.Api.Consumers;

public sealed class JobClosedConsumer(Transactions transactions, ReadModelStore readModel) : IConsumer<JobClosed>
{
    public Task Consume(ConsumeContext<JobClosed> context) =>
        transactions.RunOnceAsync(context, nameof(JobClosedConsumer), transaction => readModel.ApplyAsync(transaction, context.Message));
}
