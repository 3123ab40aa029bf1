using System.Globalization;
using System.Text.RegularExpressions;
using JobMatch.TextAnalysis;

namespace Portal.Infrastructure;

/// <summary>
/// Numbers as people type them into a form: 30公里, 30 km, ３０, 5千, 1.2万, 5k, 5,000元, 3人 — and ranges, 5000-6000,
/// 5千~6千, 5000至6000, 5000以上. Anything else is refused with a message, never silently dropped or saved empty.
/// </summary>
public static partial class TypedNumbers
{
    /// <summary>One amount: null when the field is empty; Error when it is not a number (a range is not one either).</summary>
    public static (decimal? Value, bool Error) Amount(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0) return (null, false);
        return Single(clean) is { } value ? (value, false) : (null, true);
    }

    /// <summary>A whole number (people, kilometres of commute): as <see cref="Amount"/>, and refused when it has a fraction.</summary>
    public static (int? Value, bool Error) Whole(string? text)
    {
        var (value, error) = Amount(text);
        if (error || value is null) return (null, error);
        return value == decimal.Truncate(value.Value) && value is >= int.MinValue and <= int.MaxValue ? ((int)value.Value, false) : (null, true);
    }

    /// <summary>A range ("5000-6000"), a floor ("5000以上", "5000+", or one amount) or a ceiling ("6000以下").</summary>
    public static (decimal? Low, decimal? High, bool Error) Range(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0) return (null, null, false);
        if (Floor().Match(clean) is { Success: true } floor) return Single(floor.Groups[1].Value) is { } low ? (low, null, false) : (null, null, true);
        if (Ceiling().Match(clean) is { Success: true } ceiling) return Single(ceiling.Groups[1].Value) is { } high ? (null, high, false) : (null, null, true);
        var parts = clean.Split(RangeSeparators, StringSplitOptions.None);
        if (parts.Length == 1) return Single(clean) is { } only ? (only, null, false) : (null, null, true);
        if (parts.Length != 2) return (null, null, true);
        var to = Single(parts[1]);
        var from = Single(parts[0]);
        // "5-6千": a multiplier written once, after the range, counts for both ends (unless that would pass the top).
        if (!Unit().IsMatch(parts[0]) && Unit().Match(parts[1]) is { Success: true } unit && Single(parts[0] + unit.Value) is { } scaled && scaled <= to)
            from = scaled;
        return from is { } a && to is { } b && a <= b ? (a, b, false) : (null, null, true);
    }

    /// <summary>A latitude or longitude the browser filled in (places.js), or null.</summary>
    public static double? Coordinate(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= 180 ? value : null;

    private static readonly string[] RangeSeparators = ["-", "–", "—", "~", "至", "到"];

    private static string Clean(string? text) =>
        TextNormalizer.Clean(text).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace("，", "", StringComparison.Ordinal);

    /// <summary>A number with an optional multiplier (千, k, 万, w) and unit word (公里, km, 元, 人 …).</summary>
    private static decimal? Single(string text)
    {
        var match = Number().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        return match.Groups["m"].Value switch
        {
            "千" or "k" => value * 1_000,
            "万" or "w" => value * 10_000,
            _ => value,
        };
    }

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)(?<m>千|k|万|w)?(?:公里|千米|km|元/月|元每月|元|块|人|名|个|位|岁|年)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"千|k|万|w")]
    private static partial Regex Unit();

    [GeneratedRegex(@"^(.+?)(?:以上|起|\+)$")]
    private static partial Regex Floor();

    [GeneratedRegex(@"^(.+?)(?:以下|以内)$")]
    private static partial Regex Ceiling();
}
