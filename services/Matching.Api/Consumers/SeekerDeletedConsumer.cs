using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.ReadModel;

namespace Matching.Api.Consumers;

public sealed class SeekerDeletedConsumer(Transactions transactions, ReadModelStore readModel) : IConsumer<SeekerDeleted>
{
    public Task Consume(ConsumeContext<SeekerDeleted> context) =>
        transactions.RunOnceAsync(context, nameof(SeekerDeletedConsumer), transaction =>
            // A deleted account never comes back, so no profile of any date may re-create it: removed "forever".
            readModel.RemoveSeekerAsync(transaction, context.Message.SeekerId, DateTimeOffset.MaxValue));
}
