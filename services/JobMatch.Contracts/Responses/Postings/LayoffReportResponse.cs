namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// A report as the organisation and caseworkers of its region read it. Statutory: 20 people or more, or fewer but at
/// least a tenth of the workforce — the lay-offs the law requires to be reported to the labour department 30 days
/// ahead (劳动合同法 第四十一条).
/// </summary>
public sealed record LayoffReportResponse(
    Guid Id, Guid OrganisationId, string OrganisationName, string CreditCode, string RegionCode, int Affected, int? Workforce, DateOnly EffectiveOn,
    string ReasonCode, string Reason, DateTime FiledAt)
{
    public bool Statutory => Affected >= 20 || (Workforce is { } workforce && Affected * 10 >= workforce);
}
