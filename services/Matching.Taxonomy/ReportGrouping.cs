namespace Matching.Taxonomy;

/// <summary>The occupation scheme a report counts by: 职业分类大典 (the bureau's) or ESCO beside it.</summary>
public enum ReportScheme
{
    National,
    Esco,
}

/// <summary>One group a report counts under: its code (a 大典 code, an ESCO URI or an ISCO-08 unit group) and names.</summary>
public sealed record ReportGroup(string Code, string Name, string NameEn);

/// <summary>
/// How the monitoring reports group the 细类 postings and profiles carry (docs/decisions/060): by 职业分类大典 at a level
/// (大类 4, 中类 4-02, 小类 4-02-02 or the 细类 itself), or by ESCO through the crosswalk — the first ESCO occupation a
/// 细类's row names, else its ISCO-08 unit group. Every 细类 maps to one group, so counts add up and pay quartiles are
/// taken over the group's own postings (<see cref="Table"/> feeds the SQL join).
/// </summary>
public sealed class ReportGrouping
{
    public const string InvalidScheme = "Group by national (职业分类大典) or esco.";
    public const string InvalidLevel = "Give the level as majorGroup, middleGroup, minorGroup or occupation.";

    private readonly Dictionary<string, ReportGroup> groupOf;
    private readonly Dictionary<string, ReportGroup> byCode;

    private ReportGrouping(ReportScheme scheme, NationalLevel level, SkillTaxonomy taxonomy)
    {
        Scheme = scheme;
        Level = level;
        var national = taxonomy.National;
        groupOf = national.Occupations.ToDictionary(occupation => occupation.Code, occupation => GroupOf(national.Canonical(occupation), taxonomy), StringComparer.Ordinal);
        byCode = groupOf.Values.DistinctBy(group => group.Code).ToDictionary(group => group.Code, StringComparer.Ordinal);
        var codes = groupOf.Keys.ToArray();
        Table = (codes, codes.Select(code => groupOf[code].Code).ToArray());
    }

    public ReportScheme Scheme { get; }

    public NationalLevel Level { get; }

    /// <summary>The scheme and level as a query names them (national, majorGroup …), for the answer.</summary>
    public string SchemeName => Camel(Scheme.ToString());

    public string LevelName => Camel(Level.ToString());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Every 细类 (repeated codes included) and the code of its group, side by side: the parameters of an unnest join.</summary>
    public (string[] Occupations, string[] Groups) Table { get; }

    /// <summary>The group a 细类 counts under; null for no or an unknown code.</summary>
    public ReportGroup? GroupOfOccupation(string? code) => code is not null && groupOf.TryGetValue(code, out var group) ? group : null;

    /// <summary>The group with this code (as <see cref="Table"/> writes it); null for none.</summary>
    public ReportGroup? Find(string? code) => code is not null && byCode.TryGetValue(code, out var group) ? group : null;

    /// <summary>
    /// The grouping a report's query asks for: scheme national (default) or esco; level majorGroup, middleGroup,
    /// minorGroup or occupation (default; ESCO has one level). False when either is not one of these.
    /// </summary>
    public static bool TryParse(string? scheme, string? level, out ReportGrouping grouping)
    {
        grouping = null!;
        if (!TryParseScheme(scheme, out var parsedScheme) || !TryParseLevel(level, out var parsedLevel)) return false;
        grouping = Cache[((int)parsedScheme, parsedScheme == ReportScheme.Esco ? (int)NationalLevel.Occupation : (int)parsedLevel)].Value;
        return true;
    }

    public static bool TryParseScheme(string? scheme, out ReportScheme parsed)
    {
        parsed = ReportScheme.National;
        return string.IsNullOrWhiteSpace(scheme) || (Enum.TryParse(scheme.Trim(), ignoreCase: true, out parsed) && !int.TryParse(scheme, out _));
    }

    public static bool TryParseLevel(string? level, out NationalLevel parsed)
    {
        parsed = NationalLevel.Occupation;
        return string.IsNullOrWhiteSpace(level) || (Enum.TryParse(level.Trim(), ignoreCase: true, out parsed) && !int.TryParse(level, out _));
    }

    /// <summary>The same grouping, of the shared taxonomy, for every report that asks (built once each).</summary>
    private static readonly Dictionary<(int, int), Lazy<ReportGrouping>> Cache =
        (from scheme in Enum.GetValues<ReportScheme>()
         from level in Enum.GetValues<NationalLevel>()
         select (scheme, level)).ToDictionary(
            pair => ((int)pair.scheme, (int)pair.level),
            pair => new Lazy<ReportGrouping>(() => new ReportGrouping(pair.scheme, pair.level, SkillTaxonomy.Shared)));

    private ReportGroup GroupOf(NationalOccupation occupation, SkillTaxonomy taxonomy)
    {
        if (Scheme == ReportScheme.National)
        {
            var group = taxonomy.National.Find(NationalClassification.GroupOf(occupation.Code, Level))!;
            return new ReportGroup(group.Code, group.Name, group.NameEn);
        }
        if (taxonomy.EscoOccupationsOf(occupation.Code, orUnitGroup: false) is [var first, ..])
        {
            var concept = taxonomy[first];
            return new ReportGroup(concept.EscoUri, concept.LabelZh ?? concept.Label, concept.Label);
        }
        var unitGroup = occupation.Crosswalk?.IscoGroup ?? "";
        return new ReportGroup("isco:" + unitGroup, $"ISCO-08 {unitGroup} 单元组", $"ISCO-08 unit group {unitGroup}");
    }
}
