using JobMatch.Domain.Organisations;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.PersonalData;

namespace JobPostings.Api.Organisations;

/// <summary>The answers' records made from what is stored (OrganisationResponse is shared with the portal: JobMatch.Contracts.Responses).</summary>
public static class OrganisationResponses
{
    extension(OrganisationResponse)
    {
        public static OrganisationResponse From(Organisation organisation, PersonalDataProtector protector) => new(
            organisation.Id, organisation.CreditCode, organisation.LegalName, organisation.Industry, Enum.Parse<OrganisationSize>(organisation.Size, ignoreCase: true),
            organisation.RegionCode, InnerMongoliaRegions.DisplayName(organisation.RegionCode), organisation.Address,
            protector.Unprotect(organisation.ContactNameSealed), protector.Unprotect(organisation.ContactPhoneSealed),
            organisation.State, organisation.StatusReason, organisation.OwnerUserId, organisation.RegisteredAt, organisation.DecidedAt,
            organisation.KeyEnterprise, organisation.KeyEnterpriseReason, organisation.KeyEnterpriseSince);
    }
}

/// <summary>
/// An organisation waiting in a caseworker's verification queue: what the business licence is checked against
/// (credit code, legal name, place), not the contact's personal data.
/// </summary>
public sealed record VerificationItem(
    Guid Id, string CreditCode, string LegalName, string Industry, OrganisationSize Size, string RegionCode, string RegionName, string Address,
    OrganisationStatus Status, string? StatusReason, DateTime RegisteredAt)
{
    public static VerificationItem From(Organisation organisation) => new(
        organisation.Id, organisation.CreditCode, organisation.LegalName, organisation.Industry, Enum.Parse<OrganisationSize>(organisation.Size, ignoreCase: true),
        organisation.RegionCode, InnerMongoliaRegions.DisplayName(organisation.RegionCode), organisation.Address, organisation.State,
        organisation.StatusReason, organisation.RegisteredAt);
}

/// <summary>One staff decision on an organisation, from the append-only audit.</summary>
public sealed record OrganisationAuditEntry(Guid StaffId, string StaffRole, string Action, string Reason, DateTime At);

/// <summary>
/// The public company page: who the organisation is, whether a caseworker has verified it, and its open postings —
/// nothing of its contact's personal data or its credit code's history.
/// </summary>
public sealed record CompanyPage(
    Guid Id, string LegalName, OrganisationStatus Status, string Industry, string IndustryName, OrganisationSize Size, string RegionCode,
    string RegionName, IReadOnlyList<CompanyPosting> OpenPostings)
{
    public static CompanyPage From(Organisation organisation, IReadOnlyList<CompanyPosting> openPostings) => new(
        organisation.Id, organisation.LegalName, organisation.State, organisation.Industry, Industries.Find(organisation.Industry)?.Name ?? organisation.Industry,
        Enum.Parse<OrganisationSize>(organisation.Size, ignoreCase: true), organisation.RegionCode, InnerMongoliaRegions.DisplayName(organisation.RegionCode),
        openPostings);
}

/// <summary>An open posting on a company page.</summary>
public sealed record CompanyPosting(Guid Id, string Title, string RegionCode, DateTime? PublishedAt, DateTime? ValidUntil);

/// <summary>
/// A key enterprise as the caseworkers of its region list it: who, since when and why, and whether it has filed the
/// month's vacancy report (no contact data).
/// </summary>
public sealed record KeyEnterpriseItem(
    Guid Id, string CreditCode, string LegalName, string RegionCode, string RegionName, OrganisationStatus Status, string? Reason, DateTime? Since,
    string Month, bool Filed, DateTime? FiledAt, int? Vacancies)
{
    public static KeyEnterpriseItem From(KeyEnterpriseRow row, string month) => new(
        row.Id, row.CreditCode, row.LegalName, row.RegionCode, InnerMongoliaRegions.DisplayName(row.RegionCode),
        Enum.Parse<OrganisationStatus>(row.Status, ignoreCase: true), row.KeyEnterpriseReason, row.KeyEnterpriseSince, month,
        row.ReportFiledAt is not null, row.ReportFiledAt, row.ReportVacancies);
}

/// <summary>An organisation's key-enterprise status after a caseworker set it.</summary>
public sealed record KeyEnterpriseStatus(Guid Id, string CreditCode, string LegalName, bool KeyEnterprise, string? Reason, DateTime? Since)
{
    public static KeyEnterpriseStatus From(Organisation organisation) => new(
        organisation.Id, organisation.CreditCode, organisation.LegalName, organisation.KeyEnterprise, organisation.KeyEnterpriseReason,
        organisation.KeyEnterpriseSince);
}
