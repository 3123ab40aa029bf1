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

/// <summary>The VerificationItem answer record (JobMatch.Contracts.Responses.Postings, shared with the portal) made from what is stored.</summary>
public static class VerificationItems
{
    extension(VerificationItem)
    {
        public static VerificationItem From(Organisation organisation) => new(
            organisation.Id, organisation.CreditCode, organisation.LegalName, organisation.Industry, Enum.Parse<OrganisationSize>(organisation.Size, ignoreCase: true),
            organisation.RegionCode, InnerMongoliaRegions.DisplayName(organisation.RegionCode), organisation.Address, organisation.State,
            organisation.StatusReason, organisation.RegisteredAt);
    }
}

/// <summary>The CompanyPage answer record (JobMatch.Contracts.Responses.Postings, shared with the portal) made from what is stored.</summary>
public static class CompanyPages
{
    extension(CompanyPage)
    {
        public static CompanyPage From(Organisation organisation, IReadOnlyList<CompanyPosting> openPostings) => new(
            organisation.Id, organisation.LegalName, organisation.State, organisation.Industry, Industries.Find(organisation.Industry)?.Name ?? organisation.Industry,
            Enum.Parse<OrganisationSize>(organisation.Size, ignoreCase: true), organisation.RegionCode, InnerMongoliaRegions.DisplayName(organisation.RegionCode),
            openPostings);
    }
}

/// <summary>The KeyEnterpriseItem answer record (JobMatch.Contracts.Responses.Postings, shared with the portal) made from what is stored.</summary>
public static class KeyEnterpriseItems
{
    extension(KeyEnterpriseItem)
    {
        public static KeyEnterpriseItem From(KeyEnterpriseRow row, string month) => new(
            row.Id, row.CreditCode, row.LegalName, row.RegionCode, InnerMongoliaRegions.DisplayName(row.RegionCode),
            Enum.Parse<OrganisationStatus>(row.Status, ignoreCase: true), row.KeyEnterpriseReason, row.KeyEnterpriseSince, month,
            row.ReportFiledAt is not null, row.ReportFiledAt, row.ReportVacancies);
    }
}

/// <summary>The KeyEnterpriseStatus answer record (JobMatch.Contracts.Responses.Postings, shared with the portal) made from what is stored.</summary>
public static class KeyEnterpriseStatuses
{
    extension(KeyEnterpriseStatus)
    {
        public static KeyEnterpriseStatus From(Organisation organisation) => new(
            organisation.Id, organisation.CreditCode, organisation.LegalName, organisation.KeyEnterprise, organisation.KeyEnterpriseReason,
            organisation.KeyEnterpriseSince);
    }
}
