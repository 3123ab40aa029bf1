namespace JobMatch.Contracts;

/// <summary>
/// A caseworker of the organisation's region marked it as a key enterprise (重点企业), expected to file the monthly
/// vacancy report, or unmarked it. The reason stays in the organisation's audit; the event carries ids and the region.
/// </summary>
public sealed record KeyEnterpriseStatusChanged(Guid OrganisationId, string RegionCode, bool KeyEnterprise, Guid StaffId, DateTimeOffset ChangedAt);
