using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Profiles;

namespace Profiles.Api.Audit;

/// <summary>Who accessed a seeker's data: for staff of the seeker's region (seekers see theirs in their export).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapApiGroup("/api/profiles/{seekerId:guid}/audit", "Audit", "The audit log of staff reads and changes of a seeker's personal data.").RequireAuthorization(Policies.Staff);
        audit.MapGet("/", GetAuditLog)
            .WithName("GetAuditLog").WithSummary("Who read or changed a seeker's personal data, when and why.");
        return endpoints;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, NotFound>> GetAuditLog(
        Guid seekerId, ClaimsPrincipal caller, ProfileStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var profile = await store.FindAsync(seekerId, cancellationToken);
        if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return TypedResults.NotFound();
        return TypedResults.Ok(await audit.ForSeekerAsync(seekerId, cancellationToken));
    }
}
