using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;

namespace Profiles.Api.SeekerRegister;

/// <summary>
/// Keeps the register's placement and last-contact columns from the job-posting service's events: a hire places the
/// seeker; a follow-up visit is a contact, and its outcome (in the job, or left it) moves the placement. A later event
/// wins; an older one arriving late changes nothing.
/// </summary>
public static class Placements
{
    public static Task PlacedAsync(ServiceTransaction transaction, Guid seekerId, DateTimeOffset at) =>
        transaction.ExecuteAsync(
            "UPDATE profiles SET placed_at = @at WHERE seeker_id = @seekerId AND (placed_at IS NULL OR placed_at < @at)",
            new { seekerId, at = at.UtcDateTime });

    public static Task LeftJobAsync(ServiceTransaction transaction, Guid seekerId, DateTimeOffset at) =>
        transaction.ExecuteAsync(
            "UPDATE profiles SET placed_at = NULL WHERE seeker_id = @seekerId AND placed_at < @at", new { seekerId, at = at.UtcDateTime });

    public static Task ContactedAsync(ServiceTransaction transaction, Guid seekerId, DateTimeOffset at) =>
        transaction.ExecuteAsync(
            "UPDATE profiles SET last_contact_at = @at WHERE seeker_id = @seekerId AND (last_contact_at IS NULL OR last_contact_at < @at)",
            new { seekerId, at = at.UtcDateTime });
}

/// <summary>An application reached "hired": the seeker counts as placed from then.</summary>
public sealed class ApplicationStatusChangedConsumer(Transactions transactions) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context) =>
        context.Message.To != "hired"
            ? Task.CompletedTask
            : transactions.RunOnceAsync(context, nameof(ApplicationStatusChangedConsumer),
                transaction => Placements.PlacedAsync(transaction, context.Message.SeekerId, context.Message.ChangedAt));
}

/// <summary>A follow-up visit: a contact, and news of the placement (hired, still seeking, left the job).</summary>
public sealed class FollowUpRecordedConsumer(Transactions transactions) : IConsumer<FollowUpRecorded>
{
    public Task Consume(ConsumeContext<FollowUpRecorded> context) =>
        transactions.RunOnceAsync(context, nameof(FollowUpRecordedConsumer), async transaction =>
        {
            var visit = context.Message;
            await Placements.ContactedAsync(transaction, visit.SeekerId, visit.VisitedAt);
            if (visit.Outcome == "hired") await Placements.PlacedAsync(transaction, visit.SeekerId, visit.VisitedAt);
            else await Placements.LeftJobAsync(transaction, visit.SeekerId, visit.VisitedAt);
        });
}
