using System.Globalization;
using System.Text.RegularExpressions;
using JobMatch.TextAnalysis;

namespace Portal.Infrastructure;

/// <summary>
/// A day as people type it when the browser shows no date picker: 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日,
/// full-width digits too. Anything else is refused with a message, never saved empty.
/// </summary>
public static partial class TypedDates
{
    /// <summary>Null when the field is empty; Error when it is not a day of the calendar.</summary>
    public static (DateOnly? Value, bool Error) Day(string? text)
    {
        var clean = TextNormalizer.Clean(text ?? "");
        if (clean.Length == 0) return (null, false);
        if (Pattern().Match(clean) is not { Success: true } match) return (null, true);
        var (year, month, day) = (Number(match, "y"), Number(match, "m"), Number(match, "d"));
        return month is >= 1 and <= 12 && year is >= 1900 and <= 2999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day), false)
            : (null, true);
    }

    /// <summary>A day as the form shows it again and the API takes it.</summary>
    public static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?$")]
    private static partial Regex Pattern();
}
