using System.Security.Claims;
using JobMatch.ServiceDefaults.Auth;

namespace JobPostings.Api.Organisations;

/// <summary>An employer organisation as stored; contact details still sealed. Its id is its users' employer_id.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; }
    public string CreditCode { get; init; } = "";
    public string LegalName { get; init; } = "";
    public string Industry { get; init; } = "";
    public string Size { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public string Address { get; init; } = "";
    public string ContactNameSealed { get; init; } = "";
    public string ContactPhoneSealed { get; init; } = "";
    public Guid OwnerUserId { get; init; }
    public string Status { get; init; } = "";
    public string? StatusReason { get; init; }
    public DateTime RegisteredAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? DecidedAt { get; init; }
    public bool KeyEnterprise { get; init; }
    public string? KeyEnterpriseReason { get; init; }
    public DateTime? KeyEnterpriseSince { get; init; }

    public OrganisationStatus State => Enum.Parse<OrganisationStatus>(Status, ignoreCase: true);

    public bool IsVerified => State == OrganisationStatus.Verified;

    /// <summary>The organisation's own users (owner and invited HR users all carry its employer_id).</summary>
    public bool IsActedForBy(ClaimsPrincipal caller) => caller.ActsForEmployer(Id);

    /// <summary>Caseworkers of the organisation's region (and administrators) verify it; anyone else is told it does not exist.</summary>
    public bool MayBeVerifiedBy(ClaimsPrincipal caller) => caller.MayServeRegion(RegionCode);

    /// <summary>Status and size names as the API writes and the table stores them (camelCase), e.g. needsInformation.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        value.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}

/// <summary>A key enterprise of a caseworker's region and the month's vacancy report it filed (null: not filed).</summary>
public sealed class KeyEnterpriseRow
{
    public Guid Id { get; init; }
    public string CreditCode { get; init; } = "";
    public string LegalName { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public string Status { get; init; } = "";
    public string? KeyEnterpriseReason { get; init; }
    public DateTime? KeyEnterpriseSince { get; init; }
    public DateTime? ReportFiledAt { get; init; }
    public int? ReportVacancies { get; init; }
}
