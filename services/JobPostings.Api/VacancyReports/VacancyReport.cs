using System.Globalization;
using JobMatch.ServiceDefaults.Problems;

namespace JobPostings.Api.VacancyReports;

public sealed record FileVacancyReportRequest(string? RegionCode, IReadOnlyList<VacancyReportLine>? Lines)
{
    public const int MaxLines = 200;

    public Validation Validate(string month, DateTime now)
    {
        var validation = new Validation()
            .Require(VacancyReportMonth.IsValid(month, now), "month", "The month is yyyy-MM, no later than next month.")
            .RequireRegionCode(RegionCode)
            .Require(Lines is { Count: > 0 and <= MaxLines }, "lines", $"Report between 1 and {MaxLines} occupations.");
        foreach (var (line, i) in (Lines ?? []).Select((line, i) => (line, i)))
        {
            validation
                .Require(!string.IsNullOrWhiteSpace(line.OccupationCode) || !string.IsNullOrWhiteSpace(line.OccupationName), $"lines[{i}].occupationCode", "Name the occupation (code or name).")
                .Require(line.Vacancies is >= 0 and <= 100_000, $"lines[{i}].vacancies", "Vacancies are between 0 and 100,000.")
                .Require(line.PlannedHires is null or (>= 0 and <= 100_000), $"lines[{i}].plannedHires", "Planned hires are between 0 and 100,000.")
                .Require(line.Note is null || line.Note.Length <= 1000, $"lines[{i}].note", "A note is at most 1,000 characters.");
        }
        return validation;
    }
}

public static class VacancyReportMonth
{
    /// <summary>A calendar month as yyyy-MM; reports are for a past or the current month, or next month's plan.</summary>
    public static bool IsValid(string? month, DateTime now) =>
        DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
        && parsed.Year >= 2000 && parsed <= new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
}
