using System.Text.RegularExpressions;
using JobMatch.Domain.Regions;

namespace JobMatch.ServiceDefaults.Problems;

/// <summary>Collects field-level errors for a validation problem; empty means valid.</summary>
public sealed partial class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    /// <summary>A known division of Inner Mongolia (<see cref="RegionCodes.IsKnown"/>): the region of postings, profiles and caseworkers.</summary>
    public Validation RequireRegionCode(string? regionCode, string field = "regionCode") =>
        Require(RegionCodes.IsKnown(regionCode), field, "The region is an Inner Mongolia division code (15xxxx), e.g. 150102.");

    /// <summary>An optional mainland mobile number: 11 digits, 1 then 3–9.</summary>
    public Validation RequireMobileOrNone(string? phone, string field = "phone") =>
        Require(phone is null || IsMobile(phone), field, "The phone is an 11-digit mainland mobile number, e.g. 13800138000.");

    public static bool IsMobile(string phone) => MobilePattern().IsMatch(phone);

    /// <summary>Both coordinates or neither, each in range.</summary>
    public Validation RequireCoordinates(double? latitude, double? longitude) =>
        Require((latitude is null) == (longitude is null), "latitude", "Give both latitude and longitude, or neither.")
            .Require(latitude is null or (>= -90 and <= 90), "latitude", "Latitude is between -90 and 90.")
            .Require(longitude is null or (>= -180 and <= 180), "longitude", "Longitude is between -180 and 180.");

    /// <summary>A list of free-text items (skills…): at most a number of them, none blank.</summary>
    public Validation RequireItems(IReadOnlyList<string>? items, string field, int max)
    {
        Require(items is null || items.Count <= max, field, $"At most {max} {field}.");
        return Require(items is null || !items.Any(string.IsNullOrWhiteSpace), field, $"{char.ToUpperInvariant(field[0])}{field[1..]} cannot be blank.");
    }

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
