using JobMatch.Domain.Regions;

namespace JobMatch.DemoData.Market;

/// <summary>
/// Where people and jobs are: league weights skewed as the region's population and economy are (Hohhot, Baotou and
/// Ordos hold most of both; Alxa and Hinggan little), and within a league the city districts against the banners and
/// counties — a long tail the banners make. Development zones (开发区, whose seats are their city's) are left out.
/// </summary>
public static class Places
{
    /// <summary>Relative weight of seekers per league (people), roughly the share of the urban workforce.</summary>
    public static readonly IReadOnlyDictionary<string, double> SeekerWeights = new Dictionary<string, double>
    {
        ["150100"] = 22, ["150200"] = 19, ["150600"] = 13, ["150400"] = 10, ["150500"] = 8, ["150700"] = 6,
        ["150800"] = 5, ["150900"] = 5, ["152500"] = 4, ["150300"] = 3.5, ["152200"] = 3, ["152900"] = 1.5,
    };

    /// <summary>Relative weight of employers per league: Ordos and Wuhai hire above their population (mining, chemicals).</summary>
    public static readonly IReadOnlyDictionary<string, double> EmployerWeights = new Dictionary<string, double>
    {
        ["150100"] = 20, ["150200"] = 18, ["150600"] = 16, ["150400"] = 9, ["150500"] = 7, ["150700"] = 6,
        ["150800"] = 5, ["150900"] = 4.5, ["152500"] = 5, ["150300"] = 4.5, ["152200"] = 2.5, ["152900"] = 2.5,
    };

    /// <summary>Posted pay against the regional average: higher where mining and energy pay more.</summary>
    public static readonly IReadOnlyDictionary<string, double> PayLevels = new Dictionary<string, double>
    {
        ["150100"] = 1.05, ["150200"] = 1.05, ["150600"] = 1.15, ["150400"] = 0.92, ["150500"] = 0.92, ["150700"] = 0.95,
        ["150800"] = 0.93, ["150900"] = 0.9, ["152500"] = 1.0, ["150300"] = 1.05, ["152200"] = 0.88, ["152900"] = 1.1,
    };

    /// <summary>Share of Mongolian names among the seekers of a league (higher in the pastoral east and north).</summary>
    public static readonly IReadOnlyDictionary<string, double> MongolianShare = new Dictionary<string, double>
    {
        ["150100"] = 0.15, ["150200"] = 0.1, ["150600"] = 0.15, ["150400"] = 0.2, ["150500"] = 0.45, ["150700"] = 0.25,
        ["150800"] = 0.08, ["150900"] = 0.05, ["152500"] = 0.4, ["150300"] = 0.08, ["152200"] = 0.45, ["152900"] = 0.3,
    };

    public static IReadOnlyList<Region> Leagues => InnerMongoliaRegions.Leagues;

    /// <summary>The city districts of a league (where most people live and most jobs are).</summary>
    public static IReadOnlyList<Region> DistrictsOf(string leagueCode) =>
        CountiesOf(leagueCode).Where(region => region.Kind == "city").ToList() is { Count: > 0 } districts ? districts : CountiesOf(leagueCode);

    /// <summary>The banners and counties of a league.</summary>
    public static IReadOnlyList<Region> BannersOf(string leagueCode) =>
        CountiesOf(leagueCode).Where(region => region.Kind == "banner-county").ToList() is { Count: > 0 } banners ? banners : CountiesOf(leagueCode);

    private static IReadOnlyList<Region> CountiesOf(string leagueCode) =>
        InnerMongoliaRegions.CountiesOf(leagueCode).Where(region => !region.Name.Contains("开发区", StringComparison.Ordinal)).ToList();

    /// <summary>The short name a company puts before its brand: 呼和浩特市 → 呼和浩特, 锡林郭勒盟 → 锡林郭勒.</summary>
    public static string ShortName(Region league) => league.Name.TrimEnd('市', '盟');
}
