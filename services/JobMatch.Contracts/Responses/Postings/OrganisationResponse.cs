namespace JobMatch.Contracts.Responses.Postings;

/// <summary>The organisation as its own users see it, contact details opened.</summary>
public sealed record OrganisationResponse(
    Guid Id,
    string CreditCode,
    string LegalName,
    string Industry,
    OrganisationSize Size,
    string RegionCode,
    string RegionName,
    string Address,
    string ContactName,
    string ContactPhone,
    OrganisationStatus Status,
    string? StatusReason,
    Guid OwnerUserId,
    DateTime RegisteredAt,
    DateTime? DecidedAt,
    bool KeyEnterprise = false,
    string? KeyEnterpriseReason = null,
    DateTime? KeyEnterpriseSince = null);

/// <summary>
/// An organisation waiting in a caseworker's verification queue: what the business licence is checked against
/// (credit code, legal name, place), not the contact's personal data.
/// </summary>
public sealed record VerificationItem(
    Guid Id, string CreditCode, string LegalName, string Industry, OrganisationSize Size, string RegionCode, string RegionName, string Address,
    OrganisationStatus Status, string? StatusReason, DateTime RegisteredAt);

/// <summary>One staff decision on an organisation, from the append-only audit.</summary>
public sealed record OrganisationAuditEntry(Guid StaffId, string StaffRole, string Action, string Reason, DateTime At);

/// <summary>
/// The public company page: who the organisation is, whether a caseworker has verified it, and its open postings —
/// nothing of its contact's personal data or its credit code's history.
/// </summary>
public sealed record CompanyPage(
    Guid Id, string LegalName, OrganisationStatus Status, string Industry, string IndustryName, OrganisationSize Size, string RegionCode,
    string RegionName, IReadOnlyList<CompanyPosting> OpenPostings);

/// <summary>An open posting on a company page.</summary>
public sealed record CompanyPosting(Guid Id, string Title, string RegionCode, DateTime? PublishedAt, DateTime? ValidUntil);

/// <summary>
/// A key enterprise as the caseworkers of its region list it: who, since when and why, and whether it has filed the
/// month's vacancy report (no contact data).
/// </summary>
public sealed record KeyEnterpriseItem(
    Guid Id, string CreditCode, string LegalName, string RegionCode, string RegionName, OrganisationStatus Status, string? Reason, DateTime? Since,
    string Month, bool Filed, DateTime? FiledAt, int? Vacancies);

/// <summary>An organisation's key-enterprise status after a caseworker set it.</summary>
public sealed record KeyEnterpriseStatus(Guid Id, string CreditCode, string LegalName, bool KeyEnterprise, string? Reason, DateTime? Since);
