using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.ReadModel;
using MassTransit;

namespace Matching.Api.Consumers;

public sealed class JobClosedConsumer(Transactions transactions, ReadModelStore readModel) : IConsumer<JobClosed>
{
    public Task Consume(ConsumeContext<JobClosed> context) =>
        transactions.RunOnceAsync(context, nameof(JobClosedConsumer), transaction => readModel.ApplyAsync(transaction, context.Message));
}
