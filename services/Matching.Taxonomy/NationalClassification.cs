using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JobMatch.TextAnalysis;

namespace Matching.Taxonomy;

/// <summary>
/// China's occupational classification, 职业分类大典 2022 (docs/decisions/060): every code with its name, JobMatch's English
/// name, level, parent, definition, main tasks, green/digital marks and recruiting aliases, and for each 细类 the
/// crosswalk to ISCO-08 and ESCO. Embedded data (Data/dadian/), validated when loaded; immutable, thread-safe.
/// </summary>
public sealed partial class NationalClassification
{
    internal const string ClassificationHeader = "code,level,parent_code,name,green_digital,gbm_code,definition,main_tasks,recruiting_aliases";
    private const string EnglishHeader = "code\tname_en";
    private const string ErrataHeader = "code\tsame_as\treason";
    private const string CrosswalkHeader = "code\tisco_group\tesco_occupations\tscore\tmethod\tevidence";

    private static readonly Lazy<NationalClassification> SharedInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Dictionary<string, NationalLevel> Levels = new(StringComparer.Ordinal)
    {
        ["大类"] = NationalLevel.MajorGroup, ["中类"] = NationalLevel.MiddleGroup, ["小类"] = NationalLevel.MinorGroup, ["细类"] = NationalLevel.Occupation,
    };

    // A recruiting alias counts when it ends with a word for a worker (师, 员, 经理 …): the source's list also holds
    // skills and fields ("PLC", "自动化", "电路设计") that would name no occupation.
    private static readonly string[] WorkerEndings =
    [
        "师", "员", "工", "长", "手", "官", "家", "人", "士", "生", "匠", "经理", "主管", "总监", "专员", "顾问", "代表", "助理",
        "司机", "骑手", "主播", "保姆", "月嫂", "保安", "客服", "秘书", "会计", "出纳", "翻译", "编辑", "记者", "教练", "导游", "模特",
        "警察", "总",
    ];

    private readonly NationalOccupation[] _codes;
    private readonly Dictionary<string, NationalOccupation> _byCode;
    private readonly Dictionary<string, NationalOccupation[]> _children;
    private readonly NameIndex _names;
    private readonly Lazy<DefinitionIndex> _definitions;

    /// <summary>Loaded once, on first use, from the embedded data; thread-safe.</summary>
    public static NationalClassification Shared => SharedInstance.Value;

    /// <summary>A fresh load of the embedded data. Throws <see cref="TaxonomyDataException"/> on bad data.</summary>
    public static NationalClassification Load() => Load(NationalSource.FromResources());

    internal static NationalClassification Load(NationalSource source)
    {
        var errors = new List<string>();
        var classification = new NationalClassification(source, errors);
        if (errors.Count > 0)
        {
            throw new TaxonomyDataException($"{errors.Count} error(s) in the national classification data:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(30))}");
        }
        return classification;
    }

    /// <summary>Every problem in the data, one line each naming file and line (empty when all is well).</summary>
    internal static IReadOnlyList<string> Validate(NationalSource source)
    {
        var errors = new List<string>();
        _ = new NationalClassification(source, errors);
        return errors;
    }

    private NationalClassification(NationalSource source, List<string> errors)
    {
        var english = ReadEnglish(source.English, errors);
        var errata = ReadErrata(source.Errata, errors);
        var crosswalk = ReadCrosswalk(source.Crosswalk, errors);
        var codes = new List<NationalOccupation>();
        _byCode = new Dictionary<string, NationalOccupation>(StringComparer.Ordinal);
        var records = Csv.Read(source.Classification);
        if (records.Count == 0 || string.Join(',', records[0].Fields) != ClassificationHeader)
        {
            errors.Add($"{NationalSource.ClassificationFile} line 1: expected the header \"{ClassificationHeader}\"");
            records = [];
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            var where = $"{NationalSource.ClassificationFile} line {line}";
            if (fields.Length != 9)
            {
                errors.Add($"{where}: expected 9 fields, found {fields.Length}");
                continue;
            }
            var (code, levelName, parent, name) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), Clean(fields[3]));
            if (!Levels.TryGetValue(levelName, out var level)) { errors.Add($"{where}: unknown level \"{levelName}\" (大类, 中类, 小类 or 细类)"); continue; }
            if (!CodeOf(level).IsMatch(code)) { errors.Add($"{where}: \"{code}\" is not a well-formed {levelName} code"); continue; }
            if (name.Length == 0) { errors.Add($"{where}: {code} has no name"); continue; }
            if (fields[4] is not ("" or "L" or "S" or "L/S")) { errors.Add($"{where}: green_digital \"{fields[4]}\" is not empty, L, S or L/S"); continue; }
            if (!english.TryGetValue(code, out var nameEn)) { errors.Add($"{where}: {code} has no English name in {NationalSource.EnglishFile}"); continue; }
            var expectedParent = level == NationalLevel.MajorGroup ? "" : code[..code.LastIndexOf('-')];
            if (parent != expectedParent) { errors.Add($"{where}: {code}'s parent is \"{parent}\", expected \"{expectedParent}\""); continue; }
            if (parent.Length > 0 && (!_byCode.TryGetValue(parent, out var up) || up.Level != level - 1))
            {
                errors.Add($"{where}: {code}'s parent {parent} is not a {LevelName(level - 1)} listed before it");
                continue;
            }
            CrosswalkEntry? entry = null;
            if (level == NationalLevel.Occupation && !crosswalk.Remove(code, out entry)) errors.Add($"{where}: 细类 {code} has no row in {NationalSource.CrosswalkFile}");
            var occupation = new NationalOccupation(
                code, level, parent.Length == 0 ? null : parent, name, nameEn, NullIfEmpty(fields[6]), MainTasks(fields[7]),
                fields[4].Contains('L', StringComparison.Ordinal), fields[4].Contains('S', StringComparison.Ordinal),
                RecruitingAliases(fields[8], name), errata.GetValueOrDefault(code), entry);
            if (!_byCode.TryAdd(code, occupation)) { errors.Add($"{where}: {code} is listed twice"); continue; }
            codes.Add(occupation);
        }

        _codes = [.. codes];
        _children = codes.Where(c => c.ParentCode is not null).GroupBy(c => c.ParentCode!).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        CheckHierarchy(errors);
        CheckReferences(english, errata, crosswalk, errors);
        Codes = Array.AsReadOnly(_codes);
        Occupations = Array.AsReadOnly(_codes.Where(c => c.Level == NationalLevel.Occupation).ToArray());
        _names = new NameIndex(_codes.Where(c => c.SameAs is null));
        _definitions = new Lazy<DefinitionIndex>(() => new DefinitionIndex(Occupations.Where(c => c.SameAs is null)));
    }

    /// <summary>Every code, in the classification's order (a parent before its children).</summary>
    public IReadOnlyList<NationalOccupation> Codes { get; }

    /// <summary>The 细类 (occupations proper), repeated codes included.</summary>
    public IReadOnlyList<NationalOccupation> Occupations { get; }

    public int CountOf(NationalLevel level) => _codes.Count(c => c.Level == level);

    /// <summary>The code as written (4-02-02-02), or null when the classification has no such code.</summary>
    public NationalOccupation? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var found) ? found : null;

    /// <summary>The code itself, or the one it repeats (errata.tsv).</summary>
    public NationalOccupation Canonical(NationalOccupation code) => code.SameAs is { } same ? _byCode[same] : code;

    public IReadOnlyList<NationalOccupation> ChildrenOf(string code) => _children.GetValueOrDefault(code) ?? [];

    /// <summary>The occupation a whole name, recruiting alias or English name names (normalised); null when none does.</summary>
    public NationalOccupation? FindByName(string? text) => _names.Find(TaxonomyText.Normalize(text));

    private void CheckHierarchy(List<string> errors)
    {
        foreach (var code in _codes.Where(c => c.Level < NationalLevel.Occupation && !_children.ContainsKey(c.Code)))
        {
            // The classification leaves its residual 小类 (其他…) without 细类; any other empty group is a gap.
            if (code.Level != NationalLevel.MinorGroup || !code.Name.StartsWith("其他", StringComparison.Ordinal))
                errors.Add($"{NationalSource.ClassificationFile}: {LevelName(code.Level)} {code.Code} {code.Name} has no {LevelName(code.Level + 1)}");
        }
    }

    private void CheckReferences(Dictionary<string, string> english, Dictionary<string, string> errata, Dictionary<string, CrosswalkEntry> leftInCrosswalk, List<string> errors)
    {
        foreach (var code in english.Keys.Where(code => !_byCode.ContainsKey(code)))
            errors.Add($"{NationalSource.EnglishFile}: {code} is not a code of the classification");
        foreach (var code in leftInCrosswalk.Keys)
            errors.Add($"{NationalSource.CrosswalkFile}: {code} is not a 细类 of the classification");
        foreach (var (code, same) in errata)
        {
            if (Find(code) is not { Level: NationalLevel.Occupation } || Find(same) is not { Level: NationalLevel.Occupation, SameAs: null })
                errors.Add($"{NationalSource.ErrataFile}: {code} → {same} must name two 细类, the second not itself repeated");
        }
    }

    private static Dictionary<string, string> ReadEnglish(string text, List<string> errors)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Tsv.Read(NationalSource.EnglishFile, text, EnglishHeader, 2, errors))
        {
            if (row.Fields[1].Length == 0 || !names.TryAdd(row.Fields[0], row.Fields[1]))
                errors.Add($"{NationalSource.EnglishFile} line {row.Line}: {row.Fields[0]} has an empty or second English name");
        }
        return names;
    }

    private static Dictionary<string, string> ReadErrata(string text, List<string> errors) =>
        Tsv.Read(NationalSource.ErrataFile, text, ErrataHeader, 3, errors).ToDictionary(row => row.Fields[0], row => row.Fields[1], StringComparer.Ordinal);

    private static Dictionary<string, CrosswalkEntry> ReadCrosswalk(string text, List<string> errors)
    {
        var entries = new Dictionary<string, CrosswalkEntry>(StringComparer.Ordinal);
        foreach (var row in Tsv.Read(NationalSource.CrosswalkFile, text, CrosswalkHeader, 5, errors))
        {
            var (code, group, esco, score, method) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3], row.Fields[4]);
            var where = $"{NationalSource.CrosswalkFile} line {row.Line}";
            var uris = Tsv.SplitList(esco, '|').Select(id => SkillTaxonomy.OccupationUriPrefix + id).ToArray();
            if (group.Length != 4 || !group.All(char.IsAsciiDigit)) errors.Add($"{where}: {code}'s ISCO-08 unit group \"{group}\" is not four digits");
            else if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) errors.Add($"{where}: score \"{score}\" is not a number");
            else if ((method == "evidence") != (uris.Length > 0)) errors.Add($"{where}: method \"{method}\" and {uris.Length} ESCO occupations disagree");
            else if (!entries.TryAdd(code, new CrosswalkEntry(group, uris, value, method))) errors.Add($"{where}: {code} has a second row");
        }
        return entries;
    }

    private static Regex CodeOf(NationalLevel level) => level switch
    {
        NationalLevel.MajorGroup => MajorCode(),
        NationalLevel.MiddleGroup => MiddleCode(),
        NationalLevel.MinorGroup => MinorCode(),
        _ => OccupationCode(),
    };

    /// <summary>Whether a code is a 细类 of the classification (repeated codes included): what postings and profiles may carry.</summary>
    public bool IsOccupationCode(string? code) => Find(code) is { Level: NationalLevel.Occupation };

    /// <summary>The field error for a code that is no 细类 (postings' and profiles' nationalOccupationCode).</summary>
    public const string NotAnOccupationCode = "Give a 细类 code of 职业分类大典 2022, e.g. 4-02-02-02 (GET /api/matches/taxonomy/suggest?kind=national finds one).";

    /// <summary>Whether a code names a group or occupation at any level (4, 4-02, 4-02-02, 4-02-02-02): what search filters and reports take.</summary>
    public bool IsCode(string? code) => Find(code) is not null;

    /// <summary>The field error for a code the classification has at no level (search's nationalOccupation).</summary>
    public const string NotACode = "Give a code of 职业分类大典 2022 at any level: 4 (大类), 4-02 (中类), 4-02-02 (小类) or 4-02-02-02 (细类).";

    /// <summary>The code of the group at <paramref name="level"/> that a code falls under (4-02-02-02 at 中类: 4-02); a code above that level as it is.</summary>
    public static string GroupOf(string code, NationalLevel level) => code[..Math.Min(code.Length, LengthOf(level))];

    /// <summary>How long a code of a level is written: 4, 4-02, 4-02-02, 4-02-02-02.</summary>
    public static int LengthOf(NationalLevel level) => level switch
    {
        NationalLevel.MajorGroup => 1,
        NationalLevel.MiddleGroup => 4,
        NationalLevel.MinorGroup => 7,
        _ => 10,
    };

    /// <summary>Whether text is written like a 细类 code (4-02-02-02), whether or not the classification has it.</summary>
    public static bool LooksLikeOccupationCode(string? text) => text is not null && OccupationCode().IsMatch(text.Trim());

    internal static string LevelName(NationalLevel level) => level switch
    {
        NationalLevel.MajorGroup => "大类",
        NationalLevel.MiddleGroup => "中类",
        NationalLevel.MinorGroup => "小类",
        _ => "细类",
    };

    /// <summary>Clean text; no white space between Chinese characters (the source has a stray one inside a name).</summary>
    private static string Clean(string text) => SpaceBetweenCjk().Replace(TextNormalizer.Clean(text).Trim(), "");

    private static string? NullIfEmpty(string text) => Clean(text) is { Length: > 0 } clean ? clean : null;

    /// <summary>"1.评估… 2.制订… 3.进行…。" → the tasks, numbers off.</summary>
    private static string[] MainTasks(string text) =>
        [.. TaskNumber().Split(Clean(text)).Select(task => task.Trim().TrimEnd('。', ';', '；').Trim()).Where(task => task.Length > 0)];

    /// <summary>
    /// The source's comma-separated aliases, each cleaned: a green/digital mark glued to the end taken off
    /// (…工程技术人员L/S), "A/B" split into its parts, and only those kept that name a worker and are not the name itself.
    /// </summary>
    internal static string[] RecruitingAliases(string text, string name)
    {
        var aliases = new List<string>();
        foreach (var raw in text.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var alias = GreenDigitalMark().Replace(Clean(raw), "");
            foreach (var part in alias.Contains('/') ? alias.Split('/', StringSplitOptions.TrimEntries) : [alias])
            {
                if (part.Length >= 2 && part != name && NamesAWorker(part) && !aliases.Contains(part)) aliases.Add(part);
            }
        }
        return [.. aliases];
    }

    private static bool NamesAWorker(string alias) =>
        TaxonomyText.ContainsCjk(alias) && WorkerEndings.Any(ending => alias.EndsWith(ending, StringComparison.Ordinal));

    [GeneratedRegex(@"^\d$")] private static partial Regex MajorCode();
    [GeneratedRegex(@"^\d-\d{2}$")] private static partial Regex MiddleCode();
    [GeneratedRegex(@"^\d-\d{2}-\d{2}$")] private static partial Regex MinorCode();
    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$")] private static partial Regex OccupationCode();
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")] private static partial Regex SpaceBetweenCjk();
    [GeneratedRegex(@"(?:^|\s*)\d{1,2}[.．、]\s*(?!\d)")] private static partial Regex TaskNumber();
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})(?:L/S|L|S)$")] private static partial Regex GreenDigitalMark();
}
