using System.Globalization;

namespace Matching.Api.Regions;

/// <summary>A league or city (盟/市), or a banner, county or district (旗/县/区) under it, with its seat's coordinates.</summary>
public sealed record Region(string Code, string Name, string Level, string ParentCode, double Latitude, double Longitude)
{
    /// <summary>
    /// For exposure reports: "city" for urban districts and county-level cities (区, 市), "banner-county" for banners and
    /// counties (旗, 县) — the pastoral and rural areas whose postings must not vanish behind the cities'.
    /// </summary>
    public string Kind => Name.EndsWith('旗') || Name.EndsWith('县') ? "banner-county" : "city";
}

/// <summary>
/// Inner Mongolia's 12 leagues/cities and 108 county-level divisions (NBS 2023 codes) with seat coordinates.
/// Data: modood/Administrative-divisions-of-China (WTFPL) joined with pyecharts city coordinates (MIT); see Data/NOTICE.md.
/// </summary>
public static class InnerMongoliaRegions
{
    private static readonly Lazy<IReadOnlyList<Region>> all = new(Load);

    public static IReadOnlyList<Region> All => all.Value;

    public static IReadOnlyList<Region> Counties => All.Where(region => region.Level == "county").ToList();

    public static Region? Find(string code) => All.FirstOrDefault(region => region.Code == code);

    /// <summary>The county itself when known, else its league/city.</summary>
    public static string KindOf(string regionCode) =>
        Find(regionCode)?.Kind ?? (regionCode.Length >= 4 && Find(regionCode[..4]) is not null ? "city" : "unknown");

    private static IReadOnlyList<Region> Load()
    {
        using var stream = typeof(InnerMongoliaRegions).Assembly.GetManifestResourceStream("Matching.Api.Regions.Data.inner_mongolia_regions.csv")
            ?? throw new InvalidOperationException("inner_mongolia_regions.csv is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var regions = new List<Region>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            regions.Add(new Region(f[0], f[1], f[2], f[3],
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)));
        }
        return regions;
    }
}
