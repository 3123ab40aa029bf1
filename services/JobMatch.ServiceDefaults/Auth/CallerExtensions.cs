using System.Security.Claims;

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
    /// Whether staff may act for someone living in a region. Division codes nest (15 region, 1501 league or city,
    /// 150102 banner, county or district), so a caseworker bound to 150100 serves every 1501xx; administrators serve all.
    /// </summary>
    public static bool MayServeRegion(this ClaimsPrincipal caller, string regionCode)
    {
        if (caller.IsInRole(Roles.Administrator)) return true;
        if (!caller.IsInRole(Roles.Caseworker)) return false;
        return caller.Regions().Any(region => Covers(region, regionCode));
    }

    /// <summary>Whether division <paramref name="region"/> contains <paramref name="regionCode"/> (150100 contains 150102).</summary>
    public static bool Covers(string region, string regionCode) =>
        RegionPrefix(region) is { Length: > 0 } prefix && regionCode.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The code prefix a division covers: 150100 → "1501", 150102 → "150102", 150000 → "15".</summary>
    public static string RegionPrefix(string region) => region.TrimEnd('0') is var trimmed && trimmed.Length % 2 == 1 ? trimmed + "0" : region.TrimEnd('0');
}
