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
