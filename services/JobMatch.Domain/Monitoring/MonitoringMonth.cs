using System.Globalization;

namespace JobMatch.Domain.Monitoring;

/// <summary>
/// The month labour-market monitoring counts in: a calendar month in Beijing time (yyyy-MM), as the bureau reports, from
/// 2000 up to the current month.
/// </summary>
public static class MonitoringMonth
{
    public const string InvalidMessage = "The month is yyyy-MM.";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static bool TryParse(string? month, DateTimeOffset now, out DateTimeOffset start)
    {
        start = default;
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year < 2000) return false;
        start = new DateTimeOffset(parsed, Beijing);
        return start <= Current(now);
    }

    /// <summary>The start of the month <paramref name="now"/> falls in, in Beijing.</summary>
    public static DateTimeOffset Current(DateTimeOffset now)
    {
        var local = now.ToOffset(Beijing);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Beijing);
    }

    public static string Format(DateTimeOffset start) => start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
