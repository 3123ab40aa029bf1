using System.Globalization;
using JobMatch.TextAnalysis;

namespace JobMatch.Domain.Regions;

/// <summary>
/// Inner Mongolia's 12 leagues/cities and 108 county-level divisions (NBS 2023 codes) with seat coordinates and
/// Chinese and English names. Data: modood/Administrative-divisions-of-China (WTFPL) joined with pyecharts city
/// coordinates (MIT), English names written for the project; see Regions/Data/NOTICE.md.
/// </summary>
public static class InnerMongoliaRegions
{
    private static readonly Lazy<Catalogue> Loaded = new(Catalogue.Load);

    /// <summary>Leagues first (in code order), then counties (in code order).</summary>
    public static IReadOnlyList<Region> All => Loaded.Value.All;

    public static IReadOnlyList<Region> Leagues => Loaded.Value.Leagues;

    public static IReadOnlyList<Region> Counties => Loaded.Value.Counties;

    /// <summary>A league or county by its 6-digit code; null for unknown codes and for the whole region (150000).</summary>
    public static Region? Find(string code) => Loaded.Value.ByCode.GetValueOrDefault(code);

    /// <summary>The banners, counties and districts of a league (none for a county or an unknown code).</summary>
    public static IReadOnlyList<Region> CountiesOf(string leagueCode) => Loaded.Value.ByLeague.GetValueOrDefault(leagueCode) ?? [];

    /// <summary>The county itself when known, else its league/city.</summary>
    public static string KindOf(string regionCode) =>
        Find(regionCode)?.Kind ?? (regionCode.Length >= 4 && Find(regionCode[..4] + "00") is not null ? "city" : "unknown");

    /// <summary>
    /// A division as people name it: a county with its league (呼和浩特市新城区; Xincheng District, Hohhot), a league
    /// alone, the whole region; an unknown code as itself.
    /// </summary>
    public static string DisplayName(string? code, string language = "zh")
    {
        if (string.IsNullOrEmpty(code)) return "";
        var english = language == "en";
        if (code == RegionCodes.Whole) return english ? "Inner Mongolia (whole region)" : "内蒙古全区";
        if (Find(code) is not { } region) return code;
        if (region.IsLeague) return region.NameIn(language);
        var league = Find(region.LeagueCode);
        if (league is null) return region.NameIn(language);
        return english ? $"{region.EnglishName}, {league.EnglishName}" : league.Name + region.Name;
    }

    /// <summary>
    /// The divisions a typed place name can mean: a code, a Chinese name with or without its league and the
    /// 内蒙古(自治区) in front (呼和浩特市新城区, 新城区, 赛罕, 包头), or an English name (Saihan District, Hohhot). Exactly
    /// one answer is a resolved place; several mean the name is ambiguous; none, unknown.
    /// </summary>
    public static IReadOnlyList<Region> Resolve(string? text)
    {
        var key = Catalogue.Key(text);
        if (key.Length == 0) return [];
        if (Find(key) is { } byCode) return [byCode];
        return Loaded.Value.ByName.GetValueOrDefault(key) ?? [];
    }

    private sealed class Catalogue
    {
        private static readonly string[] ChineseSuffixes = ["市", "盟", "区", "县", "旗"];
        private static readonly string[] EnglishSuffixes = ["district", "county", "banner", "city", "league"];

        public required IReadOnlyList<Region> All { get; init; }
        public required IReadOnlyList<Region> Leagues { get; init; }
        public required IReadOnlyList<Region> Counties { get; init; }
        public required Dictionary<string, Region> ByCode { get; init; }
        public required Dictionary<string, IReadOnlyList<Region>> ByLeague { get; init; }
        public required Dictionary<string, IReadOnlyList<Region>> ByName { get; init; }

        /// <summary>A typed name reduced to what identifies it: clean, lower-case, no spaces or punctuation, no 内蒙古 in front.</summary>
        public static string Key(string? text)
        {
            var clean = new string(TextNormalizer.Clean(text).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            foreach (var prefix in new[] { "内蒙古自治区", "内蒙古", "innermongolia" })
                if (clean.StartsWith(prefix, StringComparison.Ordinal) && clean.Length > prefix.Length) return clean[prefix.Length..];
            return clean;
        }

        public static Catalogue Load()
        {
            var english = ReadCsv("region_names_en.csv").ToDictionary(row => row[0], row => row[1], StringComparer.Ordinal);
            var regions = ReadCsv("inner_mongolia_regions.csv").Select(f =>
            {
                var code = f[0].Length == 4 ? f[0] + "00" : f[0];
                return new Region(code, f[1], english.GetValueOrDefault(f[0]) ?? f[1], f[2], f[3],
                    double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
            }).OrderBy(region => region.IsLeague ? 0 : 1).ThenBy(region => region.Code, StringComparer.Ordinal).ToList();
            var byCode = regions.ToDictionary(region => region.Code, StringComparer.Ordinal);
            var names = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
            foreach (var region in regions)
            {
                foreach (var name in NamesOf(region, region.IsLeague ? null : byCode.GetValueOrDefault(region.LeagueCode)).Distinct(StringComparer.Ordinal))
                {
                    if (!names.TryGetValue(name, out var list)) names[name] = list = [];
                    list.Add(region);
                }
            }

            return new Catalogue
            {
                All = regions,
                Leagues = regions.Where(region => region.IsLeague).ToList(),
                Counties = regions.Where(region => !region.IsLeague).ToList(),
                ByCode = byCode,
                ByLeague = regions.Where(region => !region.IsLeague).GroupBy(region => region.LeagueCode)
                    .ToDictionary(group => group.Key, group => (IReadOnlyList<Region>)group.ToList(), StringComparer.Ordinal),
                ByName = names.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Region>)pair.Value, StringComparer.Ordinal),
            };
        }

        /// <summary>Every form of the name a person might type, as keys: with and without the suffix and the league.</summary>
        private static IEnumerable<string> NamesOf(Region region, Region? league)
        {
            var own = Forms(region).ToList();
            foreach (var form in own) yield return form;
            if (league is null) yield break;
            foreach (var leagueForm in Forms(league))
            {
                foreach (var form in own)
                {
                    yield return leagueForm + form;
                    yield return form + leagueForm; // "Saihan District, Hohhot"
                }
            }
        }

        private static IEnumerable<string> Forms(Region region)
        {
            var chinese = Key(region.Name);
            yield return chinese;
            // 呼和浩特 for 呼和浩特市, 赛罕 for 赛罕区; a one-character stem (东河区 → 东河 stays two) is never produced.
            if (ChineseSuffixes.FirstOrDefault(suffix => chinese.EndsWith(suffix, StringComparison.Ordinal)) is { } zh && chinese.Length - zh.Length >= 2)
                yield return chinese[..^zh.Length];
            var english = Key(region.EnglishName);
            yield return english;
            if (EnglishSuffixes.FirstOrDefault(suffix => english.EndsWith(suffix, StringComparison.Ordinal)) is { } en && english.Length - en.Length >= 3)
                yield return english[..^en.Length];
        }

        private static IEnumerable<string[]> ReadCsv(string name)
        {
            using var stream = typeof(InnerMongoliaRegions).Assembly.GetManifestResourceStream("JobMatch.Domain.Regions." + name)
                ?? throw new InvalidOperationException($"{name} is not embedded");
            using var reader = new StreamReader(stream);
            reader.ReadLine();
            var rows = new List<string[]>();
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) rows.Add(line.Split(','));
            return rows;
        }
    }
}
