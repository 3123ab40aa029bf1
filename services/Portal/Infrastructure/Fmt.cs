using System.Globalization;
using JobMatch.Contracts.Responses.Postings;

namespace Portal.Infrastructure;

/// <summary>Numbers, times, pay and ID endings as the portal shows them.</summary>
public static class Fmt
{
    public static string Number(double? value, int decimals = 1) =>
        value is null ? "" : Math.Round(value.Value, decimals).ToString(decimals > 0 ? "0." + new string('#', decimals) : "0", CultureInfo.InvariantCulture);

    /// <summary>Beijing time: every time the portal shows is in it, and says so (the APIs answer in UTC).</summary>
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>A UTC moment in Beijing time, as "2026-12-03 20:05".</summary>
    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment as a Beijing date, as "2026-12-03".</summary>
    public static string LocalDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A salary range as people write it: 4500–6500, from 4500, up to 6500, or the negotiable/unstated word.</summary>
    public static string Salary(decimal? min, decimal? max, bool negotiable, Text text)
    {
        if (min is null && max is null) return negotiable ? text["salary.negotiable"] : text["salary.unstated"];
        if (min is null) return text.Format("salary.upTo", Number((double)max!.Value, 0));
        if (max is null || max == min) return text.Format(max is null ? "salary.from" : "salary.exactly", Number((double)min.Value, 0));
        return $"{Number((double)min.Value, 0)}–{Number((double)max.Value, 0)} {text["salary.unit"]}";
    }

    /// <summary>A posting's pay as people write it.</summary>
    public static string Salary(this PostingResponse posting, Text text) => Salary(posting.SalaryMin, posting.SalaryMax, posting.SalaryNegotiable, text);

    /// <summary>
    /// A masked ID number as staff read it: its last four only ("尾号 1234"). Its first six are a division code,
    /// which reads as a place, not a number.
    /// </summary>
    public static string IdEnding(Text text, string? masked) => masked is { Length: >= 4 } ? text.Format("seekers.idEnding", masked[^4..]) : "";
}
