namespace JobMatch.Contracts.Responses.Postings;

/// <summary>An area's demand in a month; Scheme (national, esco) and Level (majorGroup … occupation) say what the occupations are.</summary>
public sealed record LabourDemand(string RegionCode, string Month, int Vacancies, int PreviousVacancies, IReadOnlyList<OccupationDemand> Occupations,
    int DropThresholdPercent, IReadOnlyList<VacancyDrop> VacancyDrops, string Scheme = "national", string Level = "occupation");

/// <summary>
/// One occupation's demand in an area and month: postings published and the vacancies they offer (需求人数), last month's
/// vacancies beside them (for the month still running, those of the same days of last month), and the posted monthly pay (the middle of each stated range) as quartiles — the salary guide
/// per occupation, area and month. The occupation is the report's group (the service's ReportGrouping: a 职业分类大典 code at
/// the level asked, or an ESCO occupation or ISCO unit group); null: postings no 细类 could be found for.
/// </summary>
public sealed record OccupationDemand(
    string? OccupationCode, string? OccupationName, string? OccupationNameEn, int Postings, int Vacancies, int PreviousVacancies,
    int PaySample, decimal? LowerQuartile, decimal? Median, decimal? UpperQuartile);

/// <summary>An early warning: an occupation whose new vacancies fell by at least the threshold since last month.</summary>
public sealed record VacancyDrop(string? OccupationCode, string? OccupationName, string? OccupationNameEn, int PreviousVacancies, int Vacancies, int DropPercent);
