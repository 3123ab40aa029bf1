using System.Globalization;
using JobMatch.Domain.Regions;

namespace Portal.Infrastructure;

/// <summary>
/// A place as a form takes it (one shared picker, <c>Pages/Shared/_PlacePicker.cshtml</c>): a league or city, one of
/// its banners, counties or districts, or a typed name (呼和浩特市新城区, 赛罕区). Bound from "{prefix}.League",
/// "{prefix}.County" and "{prefix}.Name".
/// </summary>
public sealed class PlaceChoice
{
    public string? League { get; set; }
    public string? County { get; set; }
    /// <summary>What the person typed instead of picking; it wins over the lists when given.</summary>
    public string? Name { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(League) && string.IsNullOrWhiteSpace(County) && string.IsNullOrWhiteSpace(Name);

    /// <summary>
    /// The division chosen: the typed name when there is one (it must name exactly one division), else the county,
    /// else the league (or the whole region, where the form offers it). The lists are set to match, so the page shows
    /// what was understood. The error is a strings key.
    /// </summary>
    public (string? Code, string? Error) Resolve(bool allowWhole = false)
    {
        if (!string.IsNullOrWhiteSpace(Name))
        {
            var found = InnerMongoliaRegions.Resolve(Name);
            if (found.Count != 1) return (null, found.Count == 0 ? "place.unknown" : "place.ambiguous");
            Show(found[0].Code);
            return (found[0].Code, null);
        }
        var county = County?.Trim();
        var league = League?.Trim();
        if (!string.IsNullOrEmpty(county) && InnerMongoliaRegions.Find(county) is { IsLeague: false } region
            && (string.IsNullOrEmpty(league) || region.LeagueCode == league))
        {
            Show(region.Code);
            return (region.Code, null);
        }
        County = null;
        if (string.IsNullOrEmpty(league)) return (null, null);
        if (league == RegionCodes.Whole && allowWhole) return (league, null);
        return InnerMongoliaRegions.Find(league) is { IsLeague: true } ? (league, null) : (null, "place.unknown");
    }

    /// <summary>Sets the lists to a division (a form filled from a saved code).</summary>
    public PlaceChoice Show(string? code)
    {
        Name = null;
        if (code is null || InnerMongoliaRegions.Find(code) is not { } region)
        {
            League = code == RegionCodes.Whole ? code : null;
            County = null;
            return this;
        }
        League = region.LeagueCode;
        County = region.IsLeague ? null : region.Code;
        return this;
    }

    /// <summary>The seat of a division (the whole region: Hohhot's), for distances when no exact point is known.</summary>
    public static (double Latitude, double Longitude)? SeatOf(string? code) =>
        code is null ? null
        : InnerMongoliaRegions.Find(code == RegionCodes.Whole ? "150100" : code) is { } region ? (region.Latitude, region.Longitude) : null;
}

/// <summary>What the picker partial shows.</summary>
/// <param name="PickAction">Where "list" posts in a form that saves (its Pick handler); a search form just reloads itself.</param>
public sealed record PlacePickerView(string Prefix, string Legend, PlaceChoice Choice, string? Error, bool AllowWhole = false, string? Hint = null,
    string? PickAction = null);

public static class PlacesEndpoint
{
    /// <summary>
    /// GET /places?league=150200: the banners, counties and districts of a league in the page's language, for the
    /// picker's script (without script the page posts back and lists them itself).
    /// </summary>
    public static IEndpointRouteBuilder MapPlaces(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/places", (string? league, HttpContext context) =>
        {
            var lang = Language.Of(context);
            return Results.Ok(InnerMongoliaRegions.CountiesOf(league ?? "").Select(region => new { code = region.Code, name = region.NameIn(lang) }));
        }).WithName("Places").WithSummary("The counties of a league, by name, for the place picker.");
        return endpoints;
    }

    /// <summary>A division's name as people write it, in the page's language.</summary>
    public static string NameOf(string? code, string lang) => InnerMongoliaRegions.DisplayName(code, lang == Language.English ? "en" : "zh");

    /// <summary>Distance in km for display: one decimal below 10 km, whole kilometres above.</summary>
    public static string Km(double km) => km < 10 ? km.ToString("0.#", CultureInfo.InvariantCulture) : Math.Round(km).ToString(CultureInfo.InvariantCulture);
}
