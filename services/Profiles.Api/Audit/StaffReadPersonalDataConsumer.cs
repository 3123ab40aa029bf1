using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;

namespace Profiles.Api.Audit;

/// <summary>A staff read made in another service goes into each seeker's audit log, once per message.</summary>
public sealed class StaffReadPersonalDataConsumer(Transactions transactions, AuditLog audit) : IConsumer<StaffReadPersonalData>
{
    public Task Consume(ConsumeContext<StaffReadPersonalData> context) =>
        transactions.RunOnceAsync(context, nameof(StaffReadPersonalDataConsumer), transaction => audit.RecordEachAsync(transaction, context.Message));
}
