using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api.Campaigns;

namespace Matching.Api.Consumers;

public sealed class RunCampaignSliceConsumer(Transactions transactions, CampaignRunner runner) : IConsumer<RunCampaignSlice>
{
    public Task Consume(ConsumeContext<RunCampaignSlice> context) =>
        transactions.RunOnceAsync(context, nameof(RunCampaignSliceConsumer), transaction => runner.RunAsync(transaction, context.Message));
}

/// <summary>Campaign slices are CPU-bound: at most one per core at a time on each instance.</summary>
public sealed class RunCampaignSliceConsumerDefinition : ConsumerDefinition<RunCampaignSliceConsumer>
{
    public RunCampaignSliceConsumerDefinition() => ConcurrentMessageLimit = Environment.ProcessorCount;
}
