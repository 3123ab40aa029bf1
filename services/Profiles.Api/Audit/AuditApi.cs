using JobMatch.ServiceDefaults.PersonalData;
using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Profiles;

namespace Profiles.Api.Audit;

/// <summary>
/// Who accessed a seeker's data: the whole log for staff of the seeker's region (seekers see theirs in their export), and
/// employers' reads of their contact details for the seeker's privacy page.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapApiGroup("/api/profiles", "Audit", "The audit log of reads and changes of a seeker's personal data: staff's, and employers' reads of applicants' contact details.");
        audit.MapGet("/{seekerId:guid}/audit", GetAuditLog).RequireAuthorization(Policies.Staff)
            .WithName("GetSeekerAuditLog")
            .WithSummary("Lists who read or changed a seeker's data, when and why; the read of the log is itself recorded with its reason.");
        audit.MapGet("/me/contact-reads", ListMyContactReads).RequireAuthorization(Policies.Seeker)
            .WithName("ListMyContactReads")
            .WithSummary("Each read of the caller's contact details by an employer they applied to: the organisation, the job and when, newest first.");
        return endpoints;
    }

    /// <summary>The most recent employers' reads the seeker's privacy page lists.</summary>
    public const int ContactReadsShown = 200;

    public static async Task<Ok<IReadOnlyList<EmployerContactRead>>> ListMyContactReads(ClaimsPrincipal caller, AuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ContactReadsOfAsync(caller.UserId(), ContactReadsShown, cancellationToken));

    /// <summary>
    /// The log says who looked at whom, so reading it is a read of the person too: it needs a reason and leaves an
    /// entry of its own (after the entries returned, in the same transaction).
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, NotFound, ValidationProblem>> GetAuditLog(
        Guid seekerId, string? reason, ClaimsPrincipal caller, ProfileStore store, AuditLog audit, Transactions transactions,
        CancellationToken cancellationToken)
    {
        var validation = StaffReads.RequireReason(reason);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var entries = await transactions.RunAsync<IReadOnlyList<AuditEntry>?>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return null;
            var log = await audit.ForSeekerAsync(transaction, seekerId);
            await audit.RecordAsync(transaction, caller, "read-audit-log", seekerId, ["auditLog"], reason!);
            return log;
        }, cancellationToken);
        return entries is null ? TypedResults.NotFound() : TypedResults.Ok(entries);
    }
}
