namespace JobMatch.Domain.Regions;

/// <summary>
/// A league or city (盟/市, <see cref="Level"/> "city"), or a banner, county or district (旗/县/区, "county") under it,
/// with its seat's coordinates. <see cref="Code"/> is the 6-digit division code the platform uses everywhere (150100
/// Hohhot, 150102 Xincheng District); <see cref="ParentCode"/> is the statistical parent as the source writes it
/// ("15" for a league, "1501" for a county of Hohhot).
/// </summary>
public sealed record Region(string Code, string Name, string EnglishName, string Level, string ParentCode, double Latitude, double Longitude)
{
    public bool IsLeague => Level == "city";

    /// <summary>The league or city the division belongs to (itself for a league), as a 6-digit code.</summary>
    public string LeagueCode => IsLeague ? Code : Code[..4] + "00";

    /// <summary>
    /// For exposure reports: "city" for urban districts and county-level cities (区, 市), "banner-county" for banners and
    /// counties (旗, 县) — the pastoral and rural areas whose postings must not vanish behind the cities'.
    /// </summary>
    public string Kind => Name.EndsWith('旗') || Name.EndsWith('县') ? "banner-county" : "city";

    /// <summary>The name in a language ("en", otherwise Chinese).</summary>
    public string NameIn(string language) => language == "en" ? EnglishName : Name;
}
