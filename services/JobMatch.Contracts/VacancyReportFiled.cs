namespace JobMatch.Contracts;

/// <summary>A key enterprise filed (or refiled) its monthly report of vacancies and hiring needs.</summary>
public sealed record VacancyReportFiled(Guid ReportId, Guid EmployerId, string RegionCode, string Month, int TotalVacancies, DateTimeOffset FiledAt);
