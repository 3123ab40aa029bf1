namespace JobMatch.Contracts.Responses.Postings;

public sealed record VacancyReportResponse(
    Guid Id, Guid EmployerId, string RegionCode, string Month, IReadOnlyList<VacancyReportLine> Lines, int TotalVacancies, DateTime FiledAt, DateTime UpdatedAt);

/// <summary>One occupation's line in a report: open vacancies now and hires planned for the coming months.</summary>
public sealed record VacancyReportLine(string? OccupationCode, string? OccupationName, int? Vacancies, int? PlannedHires, string? Note);

/// <summary>One occupation group's reported vacancies and planned hires in a month (code null: lines no 细类 was found for).</summary>
public sealed record VacancyReportTotal(string? OccupationCode, string? OccupationName, string? OccupationNameEn, int Vacancies, int PlannedHires);

/// <summary>A month's vacancy reports of an area added up per occupation group of a scheme and level.</summary>
public sealed record VacancyReportTotals(string RegionCode, string Month, string Scheme, string Level, int Vacancies, IReadOnlyList<VacancyReportTotal> Occupations);
