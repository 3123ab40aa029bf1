namespace JobMatch.Contracts;

/// <summary>
/// An organisation filed a lay-off report (规模性裁员减员报告): how many people, from when, and the reason code. Counts
/// only; the free-text explanation stays in the job-posting service, for caseworkers of the region.
/// </summary>
public sealed record LayoffReportFiled(
    Guid ReportId, Guid OrganisationId, string RegionCode, int Affected, DateOnly EffectiveOn, string ReasonCode, DateTimeOffset FiledAt);
