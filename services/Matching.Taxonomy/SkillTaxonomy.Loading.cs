using System.Globalization;

namespace Matching.Taxonomy;

public sealed partial class SkillTaxonomy
{
    public const string OccupationUriPrefix = "http://data.europa.eu/esco/occupation/";
    public const string SkillUriPrefix = "http://data.europa.eu/esco/skill/";

    internal const string ZhHeader = "esco_uri\tzh_label\tzh_aliases\tsector";
    internal const string AliasesHeader = "alias\tesco_uri";
    internal const string MilitaryHeader = "code\tname_zh\tname_en\tesco_occupation_uris";

    /// <summary>Our labour-market sectors (Data/zh-*.tsv, column "sector").</summary>
    public static IReadOnlyList<string> SectorNames { get; } =
    [
        "mining", "energy-chemicals", "metallurgy", "agriculture-husbandry", "food-processing", "construction",
        "logistics-driving", "household-elderly-care", "health-care", "hospitality-tourism", "retail",
        "digital-economy", "public-administration", "teaching", "general",
    ];

    // English words too common to name a concept inside free text on their own (they still work in Find).
    private static readonly HashSet<string> ExtractStopWords = new(
        new[]
        {
            "it", "is", "in", "on", "at", "as", "be", "by", "do", "go", "if", "me", "my", "no", "of", "or", "so", "to",
            "up", "us", "we", "he", "and", "are", "can", "for", "has", "had", "have", "not", "but", "all", "any", "was",
            "you", "our", "out", "one", "use", "may", "will", "with", "from", "this", "that", "job", "work", "year",
            "re", "per", "via", "etc", "new", "see",
            // single-word ESCO synonyms that are ordinary words in a job ad
            "general", "major", "super", "form", "light", "lead", "double", "current", "term", "board", "balance",
            "report", "space", "scale", "press", "host", "draw", "decide", "choose", "detect", "delight", "unity",
            "honour", "rights", "reserve", "factor", "prompt", "persist", "marine", "justice", "moral", "gold",
            "silver", "guide", "agent", "data", "design", "order", "service", "support", "help", "team", "office",
        }.Select(TaxonomyText.Normalize),
        StringComparer.Ordinal);

    /// <summary>
    /// Loads in steps, each reading one file of <see cref="TaxonomySource"/> and adding what it finds to
    /// <paramref name="errors"/>: the ESCO concepts, the occupations' skills, our Chinese layer, the curated aliases,
    /// the military specialties, the national classification's crosswalk, and last the label index (skipped when
    /// there are errors or <paramref name="index"/> is false: it is the expensive part and cannot fail).
    /// </summary>
    private SkillTaxonomy(TaxonomySource source, NationalClassification national, List<string> errors, bool index = true)
    {
        var esco = EscoConcepts.Read(source, errors);
        (_byUri, _byEscoCode, _iscoGroup) = (esco.ByUri, esco.ByEscoCode, esco.IscoGroup);
        _byIscoGroup = Enumerable.Range(0, esco.OccupationCount).Where(id => _iscoGroup[id] >= 0)
            .GroupBy(id => _iscoGroup[id]).ToDictionary(g => g.Key, g => g.ToArray());
        var relations = SkillRelations.Read(source, esco, errors);
        (_relationStart, _relationMiddle, _relationSkills) = (relations.Start, relations.Middle, relations.Skills);
        var chinese = ChineseLayer.Read(source, esco, errors);

        _concepts = new Concept[esco.Total];
        for (var id = 0; id < esco.Total; id++)
        {
            _concepts[id] = new Concept(id, esco.KindOf(id), esco.Uris[id], esco.Codes[id], esco.Preferred[id], chinese.Label[id], chinese.Sector[id]);
        }

        _occupations = _concepts[..esco.OccupationCount];
        Occupations = Array.AsReadOnly(_occupations);
        Skills = Array.AsReadOnly(_concepts[esco.OccupationCount..]);
        var entries = ReadCuratedAliases(source, esco, errors);
        (_military, _militaryByName) = ReadMilitaryOccupations(source, esco, errors);
        MilitaryOccupations = Array.AsReadOnly(_military);
        (_national, _escoOfNational, _nationalOfEsco, _nationalLabels) = JoinCrosswalk(national, errors);
        _synonyms = esco.Alternatives;

        if (errors.Count > 0 || !index)
        {
            // Load throws on errors; Validate only wants them.
            _displayKeys = [];
            _labels = new LabelIndex([], esco.KindOf);
            return;
        }

        _displayKeys = AddLabels(entries, esco, chinese, relations.Popularity);
        _labels = new LabelIndex(entries, esco.KindOf);
    }

    /// <summary>ESCO's occupations (ids 0 … OccupationCount − 1) then its skills: URIs, codes, ISCO groups and labels as written.</summary>
    private sealed class EscoConcepts
    {
        public required int OccupationCount { get; init; }
        public required int SkillCount { get; init; }
        public int Total => OccupationCount + SkillCount;
        public required string[] Uris { get; init; }
        public required string[] Preferred { get; init; }
        public required string[][] Alternatives { get; init; }
        public required string[][] Hidden { get; init; }
        public required string?[] Codes { get; init; }
        public required int[] IscoGroup { get; init; }
        public required Dictionary<string, int> ByUri { get; init; }
        public required Dictionary<string, int> ByEscoCode { get; init; }

        public ConceptKind KindOf(int id) => SkillTaxonomy.KindOf(id, OccupationCount);

        public bool IsOccupation(string uri, out int id) => ByUri.TryGetValue(uri, out id) && id < OccupationCount;

        public static EscoConcepts Read(TaxonomySource source, List<string> errors)
        {
            var occupationRows = Tsv.Read("esco/occupations.tsv.gz", source.Occupations, "id\tcode\tisco_group\tpreferred_label\talt_labels\thidden_labels", 4, errors);
            var skillRows = Tsv.Read("esco/skills.tsv.gz", source.Skills, "id\ttype\tpreferred_label\talt_labels\thidden_labels", 3, errors);
            var total = occupationRows.Count + skillRows.Count;
            var esco = new EscoConcepts
            {
                OccupationCount = occupationRows.Count, SkillCount = skillRows.Count,
                Uris = new string[total], Preferred = new string[total], Alternatives = new string[total][], Hidden = new string[total][],
                Codes = new string?[total], IscoGroup = new int[occupationRows.Count],
                ByUri = new Dictionary<string, int>(total, StringComparer.Ordinal), ByEscoCode = new Dictionary<string, int>(StringComparer.Ordinal),
            };
            for (var id = 0; id < total; id++)
            {
                var occupation = id < esco.OccupationCount;
                esco.Add(id, occupation, occupation ? occupationRows[id].Fields : skillRows[id - esco.OccupationCount].Fields);
            }
            return esco;
        }

        private void Add(int id, bool occupation, string[] fields)
        {
            var labelAt = occupation ? 3 : 2;
            Uris[id] = (occupation ? OccupationUriPrefix : SkillUriPrefix) + fields[0];
            Preferred[id] = fields[labelAt];
            Alternatives[id] = Tsv.SplitList(fields[labelAt + 1], '|');
            Hidden[id] = Tsv.SplitList(fields[labelAt + 2], '|');
            ByUri[Uris[id]] = id;
            if (!occupation) return;
            Codes[id] = fields[1];
            ByEscoCode.TryAdd(fields[1], id);
            IscoGroup[id] = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group) && fields[2].Length == 4 ? group : -1;
        }
    }

    /// <summary>
    /// Occupation → skills, essential [Start, Middle) then optional [Middle, next Start) in <see cref="Skills"/>, each
    /// part sorted by skill id (OccupationSimilarity merges them); per skill how many occupations list it, which
    /// breaks ties between shared synonyms.
    /// </summary>
    private sealed record SkillRelations(int[] Start, int[] Middle, int[] Skills, int[] Popularity)
    {
        private const string File = "esco/relations.tsv.gz";

        public static SkillRelations Read(TaxonomySource source, EscoConcepts esco, List<string> errors)
        {
            var rows = Tsv.Read(File, source.Relations, "occupation_row\tessential_skill_rows\toptional_skill_rows", 1, errors);
            var essential = new int[esco.OccupationCount][];
            var optional = new int[esco.OccupationCount][];
            foreach (var row in rows)
            {
                if (!int.TryParse(row.Fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var o) || o >= esco.OccupationCount)
                {
                    errors.Add($"{File} line {row.Line}: bad occupation row \"{row.Fields[0]}\"");
                    continue;
                }

                essential[o] = SkillIds(row, 1, esco, errors);
                optional[o] = SkillIds(row, 2, esco, errors).Except(essential[o]).ToArray();
            }
            return Flatten(essential, optional, esco, rows.Count);
        }

        private static SkillRelations Flatten(int[][] essential, int[][] optional, EscoConcepts esco, int rowCount)
        {
            var start = new int[esco.OccupationCount + 1];
            var middle = new int[esco.OccupationCount];
            var skills = new List<int>(rowCount * 45);
            var popularity = new int[esco.Total];
            for (var o = 0; o < esco.OccupationCount; o++)
            {
                start[o] = skills.Count;
                skills.AddRange(essential[o] ?? []);
                middle[o] = skills.Count;
                skills.AddRange(optional[o] ?? []);
                for (var i = start[o]; i < skills.Count; i++) popularity[skills[i]]++;
            }

            start[esco.OccupationCount] = skills.Count;
            return new SkillRelations(start, middle, [.. skills], popularity);
        }

        private static int[] SkillIds(TsvRow row, int field, EscoConcepts esco, List<string> errors)
        {
            var ids = new List<int>();
            foreach (var range in row.Fields[field].AsSpan().Split(' '))
            {
                var cell = row.Fields[field].AsSpan(range);
                if (cell.IsEmpty) continue;
                if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < esco.SkillCount) ids.Add(esco.OccupationCount + s);
                else errors.Add($"{File} line {row.Line}: bad skill row \"{cell}\"");
            }

            var array = ids.ToArray();
            Array.Sort(array);
            return array;
        }
    }

    /// <summary>Our Chinese layer over ESCO (Data/zh-occupations.tsv, Data/zh-skills.tsv): per concept a label, aliases and a sector.</summary>
    private sealed record ChineseLayer(string?[] Label, string[][] Aliases, string?[] Sector)
    {
        public static ChineseLayer Read(TaxonomySource source, EscoConcepts esco, List<string> errors)
        {
            var layer = new ChineseLayer(new string?[esco.Total], new string[esco.Total][], new string?[esco.Total]);
            layer.ReadFile(TaxonomySource.ZhOccupationsFile, source.ZhOccupations, ConceptKind.Occupation, esco, errors);
            layer.ReadFile(TaxonomySource.ZhSkillsFile, source.ZhSkills, ConceptKind.Skill, esco, errors);
            return layer;
        }

        private void ReadFile(string file, string text, ConceptKind kind, EscoConcepts esco, List<string> errors)
        {
            foreach (var row in Tsv.Read(file, text, ZhHeader, 2, errors))
            {
                var (uri, zh, aliases, sectorName) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
                if (Problem(uri, zh, sectorName, kind, esco) is { } problem)
                {
                    errors.Add($"{file} line {row.Line}: {problem}");
                    continue;
                }

                var id = esco.ByUri[uri];
                Label[id] = zh;
                Sector[id] = sectorName.Length > 0 ? sectorName : null;
                Aliases[id] = Tsv.SplitList(aliases, '|');
            }
        }

        private string? Problem(string uri, string zh, string sectorName, ConceptKind kind, EscoConcepts esco)
        {
            if (!esco.ByUri.TryGetValue(uri, out var id)) return $"unknown ESCO URI \"{uri}\"";
            if (esco.KindOf(id) != kind) return $"\"{uri}\" ({esco.Preferred[id]}) is not an ESCO {kind.ToString().ToLowerInvariant()}";
            if (zh.Length == 0 || TaxonomyText.Normalize(zh).Length == 0) return $"empty zh_label for \"{uri}\"";
            if (sectorName.Length > 0 && !SectorNames.Contains(sectorName)) return $"unknown sector \"{sectorName}\" (one of: {string.Join(", ", SectorNames)})";
            if (Label[id] is not null) return $"\"{uri}\" ({esco.Preferred[id]}) already has the Chinese label \"{Label[id]}\"";
            return null;
        }
    }

    /// <summary>Curated aliases (Data/aliases.tsv): the label index's first entries (rank 0).</summary>
    private static List<LabelEntry> ReadCuratedAliases(TaxonomySource source, EscoConcepts esco, List<string> errors)
    {
        var entries = new List<LabelEntry>(esco.Total * 12);
        foreach (var row in Tsv.Read(TaxonomySource.AliasesFile, source.Aliases, AliasesHeader, 2, errors))
        {
            var (alias, uri) = (row.Fields[0], row.Fields[1]);
            var key = TaxonomyText.Normalize(alias);
            if (key.Length == 0) errors.Add($"{TaxonomySource.AliasesFile} line {row.Line}: empty alias");
            else if (!esco.ByUri.TryGetValue(uri, out var id)) errors.Add($"{TaxonomySource.AliasesFile} line {row.Line}: unknown ESCO URI \"{uri}\" for alias \"{alias}\"");
            else entries.Add(new LabelEntry(key, id, LabelRank.Alias, Extractable(key, alias, LabelRank.Alias)));
        }
        return entries;
    }

    /// <summary>Veterans: military specialty → civilian occupations (Data/military-occupations.tsv), found by code or either name.</summary>
    private static (MilitaryOccupation[], Dictionary<string, int>) ReadMilitaryOccupations(TaxonomySource source, EscoConcepts esco, List<string> errors)
    {
        var military = new List<MilitaryOccupation>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Tsv.Read(TaxonomySource.MilitaryFile, source.MilitaryOccupations, MilitaryHeader, 4, errors))
        {
            var (code, nameZh, nameEn, list) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
            var where = $"{TaxonomySource.MilitaryFile} line {row.Line}";
            var ids = new List<int>();
            foreach (var uri in Tsv.SplitList(list, '|'))
            {
                if (esco.IsOccupation(uri, out var id)) ids.Add(id);
                else errors.Add($"{where}: \"{uri}\" is not an ESCO occupation URI");
            }

            if (code.Length == 0 || nameZh.Length == 0 || nameEn.Length == 0 || ids.Count == 0)
            {
                errors.Add($"{where}: needs a code, both names and at least one occupation URI");
                continue;
            }

            foreach (var name in new[] { code, nameZh, nameEn })
            {
                if (!byName.TryAdd(TaxonomyText.Normalize(name), military.Count)) errors.Add($"{where}: the name or code \"{name}\" is used twice");
            }

            military.Add(new MilitaryOccupation(code, nameZh, nameEn, Array.AsReadOnly(ids.ToArray())));
        }
        return ([.. military], byName);
    }

    /// <summary>
    /// Every other label, after the curated aliases. Entries are added best-first within a rank: concepts with a
    /// Chinese label (our labour market), then skills more occupations ask for, then id. Returns the preferred and
    /// Chinese labels' keys, for Suggest's infix pass.
    /// </summary>
    private static (string, int)[] AddLabels(List<LabelEntry> entries, EscoConcepts esco, ChineseLayer chinese, int[] popularity)
    {
        var order = Enumerable.Range(0, esco.Total)
            .OrderByDescending(id => chinese.Label[id] is not null).ThenByDescending(id => popularity[id]).ThenBy(id => id);
        var displayKeys = new List<(string, int)>();
        foreach (var id in order)
        {
            displayKeys.Add((AddLabel(id, esco.Preferred[id], LabelRank.Preferred), id));
            if (chinese.Label[id] is { } zh)
            {
                displayKeys.Add((AddLabel(id, zh, LabelRank.Preferred), id));
                foreach (var alias in chinese.Aliases[id]) AddLabel(id, alias, LabelRank.ZhAlias);
            }

            foreach (var alt in esco.Alternatives[id]) AddLabel(id, alt, LabelRank.EscoAlt);
            foreach (var h in esco.Hidden[id]) AddLabel(id, h, LabelRank.EscoHidden);
        }
        return [.. displayKeys];

        string AddLabel(int id, string label, LabelRank rank)
        {
            var key = TaxonomyText.Normalize(label);
            if (key.Length > 0) entries.Add(new LabelEntry(key, id, rank, Extractable(key, label, rank)));
            return key;
        }
    }

    private static ConceptKind KindOf(int id, int occupationCount) => id < occupationCount ? ConceptKind.Occupation : ConceptKind.Skill;

    /// <summary>
    /// Whether a label may name its concept inside free text (Find accepts every label): not one character, not a
    /// common English word; an ESCO synonym of two letters never ("RE", "IT", "PA": too ambiguous), of three only when
    /// written like an acronym ("CFO", "PLC"; not "nun", "tie"); curated aliases and preferred labels skip that rule.
    /// </summary>
    private static bool Extractable(string key, string original, LabelRank rank)
    {
        if (key.Length < 2 || ExtractStopWords.Contains(key))
        {
            return false;
        }

        if (key.Length <= 3 && rank >= LabelRank.EscoAlt && !TaxonomyText.ContainsCjk(key))
        {
            return key.Length == 3 && original.Any(c => char.IsUpper(c) || char.IsDigit(c) || c is '#' or '+');
        }

        return true;
    }
}
