using System.Security.Claims;
using JobMatch.Domain.Regions;

namespace JobMatch.ServiceDefaults.Auth;

/// <summary>Who is calling, read from a validated token (its subject is checked to be a GUID at validation).</summary>
public static class CallerExtensions
{
    public static Guid UserId(this ClaimsPrincipal caller) =>
        Guid.Parse(caller.FindFirst(JobMatchClaims.Subject)?.Value ?? throw new InvalidOperationException("The caller has no subject."));

    public static Guid? EmployerId(this ClaimsPrincipal caller) =>
        Guid.TryParse(caller.FindFirst(JobMatchClaims.EmployerId)?.Value, out var id) ? id : null;

    /// <summary>Whether the caller is a user of this employer organisation: the employer role and its employer_id, both.</summary>
    public static bool ActsForEmployer(this ClaimsPrincipal caller, Guid employerId) =>
        caller.IsInRole(Roles.Employer) && caller.EmployerId() == employerId;

    public static bool IsStaff(this ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Caseworker) || caller.IsInRole(Roles.Administrator);

    public static IReadOnlyList<string> Regions(this ClaimsPrincipal caller) =>
        caller.FindAll(JobMatchClaims.Region).Select(claim => claim.Value).ToList();

    /// <summary>
    /// Whether staff may act for someone living in a region. Division codes nest (<see cref="RegionCodes.Covers"/>), so
    /// a caseworker bound to 150100 serves every 1501xx; administrators serve all.
    /// </summary>
    public static bool MayServeRegion(this ClaimsPrincipal caller, string regionCode)
    {
        if (caller.IsInRole(Roles.Administrator)) return true;
        if (!caller.IsInRole(Roles.Caseworker)) return false;
        return caller.Regions().Any(region => RegionCodes.Covers(region, regionCode));
    }
}
