using System.Text.RegularExpressions;

namespace JobMatch.Domain.Regions;

/// <summary>
/// How Inner Mongolia's division codes read: 150000 is the whole region, 15xx00 a league or city, 15xxyy a banner,
/// county or district of it. Codes nest by prefix, which is how staff coverage and region filters work.
/// </summary>
public static partial class RegionCodes
{
    /// <summary>The whole autonomous region.</summary>
    public const string Whole = "150000";

    /// <summary>A code of the platform's form (six digits, 15xxxx), known or not.</summary>
    public static bool IsDivisionCode(string? code) => code is not null && Pattern().IsMatch(code);

    /// <summary>The whole region, one of the 12 leagues and cities, or one of their banners, counties and districts.</summary>
    public static bool IsKnown(string? code) => code == Whole || (code is not null && InnerMongoliaRegions.Find(code) is not null);

    /// <summary>The code prefix a division covers: 150100 → "1501", 150102 → "150102", 150000 → "15".</summary>
    public static string Prefix(string region)
    {
        var trimmed = region.TrimEnd('0');
        return trimmed.Length % 2 == 1 ? trimmed + "0" : trimmed;
    }

    /// <summary>Whether division <paramref name="region"/> contains <paramref name="code"/> (150100 contains 150102).</summary>
    public static bool Covers(string region, string code) =>
        Prefix(region) is { Length: > 0 } prefix && code.StartsWith(prefix, StringComparison.Ordinal);

    [GeneratedRegex(@"^15\d{4}$")]
    private static partial Regex Pattern();
}
