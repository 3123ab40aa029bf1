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

    private SkillTaxonomy(TaxonomySource source, NationalClassification national, List<string> errors, bool index = true)
    {
        const string OccupationsFile = "esco/occupations.tsv.gz";
        const string SkillsFile = "esco/skills.tsv.gz";
        var occupationRows = Tsv.Read(OccupationsFile, source.Occupations, "id\tcode\tisco_group\tpreferred_label\talt_labels\thidden_labels", 4, errors);
        var skillRows = Tsv.Read(SkillsFile, source.Skills, "id\ttype\tpreferred_label\talt_labels\thidden_labels", 3, errors);
        var relationRows = Tsv.Read("esco/relations.tsv.gz", source.Relations, "occupation_row\tessential_skill_rows\toptional_skill_rows", 1, errors);

        var occupationCount = occupationRows.Count;
        var total = occupationCount + skillRows.Count;
        var uris = new string[total];
        var preferred = new string[total];
        var alternatives = new string[total][];
        var hidden = new string[total][];
        var codes = new string?[total];
        _iscoGroup = new int[occupationCount];
        _byUri = new Dictionary<string, int>(total, StringComparer.Ordinal);
        _byEscoCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < total; id++)
        {
            var occupation = id < occupationCount;
            var fields = occupation ? occupationRows[id].Fields : skillRows[id - occupationCount].Fields;
            var labelAt = occupation ? 3 : 2;
            uris[id] = (occupation ? OccupationUriPrefix : SkillUriPrefix) + fields[0];
            preferred[id] = fields[labelAt];
            alternatives[id] = Tsv.SplitList(fields[labelAt + 1], '|');
            hidden[id] = Tsv.SplitList(fields[labelAt + 2], '|');
            _byUri[uris[id]] = id;
            if (occupation)
            {
                codes[id] = fields[1];
                _byEscoCode.TryAdd(fields[1], id);
                _iscoGroup[id] = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group) && fields[2].Length == 4 ? group : -1;
            }
        }

        _byIscoGroup = Enumerable.Range(0, occupationCount).Where(id => _iscoGroup[id] >= 0)
            .GroupBy(id => _iscoGroup[id]).ToDictionary(g => g.Key, g => g.ToArray());

        // Occupation → skills, essential then optional, each sorted by skill id (OccupationSimilarity merges them).
        var essential = new int[occupationCount][];
        var optional = new int[occupationCount][];
        foreach (var row in relationRows)
        {
            if (!int.TryParse(row.Fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var o) || o >= occupationCount)
            {
                errors.Add($"esco/relations.tsv.gz line {row.Line}: bad occupation row \"{row.Fields[0]}\"");
                continue;
            }

            essential[o] = SkillIds(row, 1);
            optional[o] = SkillIds(row, 2).Except(essential[o]).ToArray();
        }

        int[] SkillIds(TsvRow row, int field)
        {
            var ids = new List<int>();
            foreach (var range in row.Fields[field].AsSpan().Split(' '))
            {
                var cell = row.Fields[field].AsSpan(range);
                if (cell.IsEmpty)
                {
                    continue;
                }

                if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < skillRows.Count)
                {
                    ids.Add(occupationCount + s);
                }
                else
                {
                    errors.Add($"esco/relations.tsv.gz line {row.Line}: bad skill row \"{cell}\"");
                }
            }

            var array = ids.ToArray();
            Array.Sort(array);
            return array;
        }

        _relationStart = new int[occupationCount + 1];
        _relationMiddle = new int[occupationCount];
        var relationSkills = new List<int>(relationRows.Count * 45);
        var popularity = new int[total]; // skills: how many occupations list them; breaks ties between shared synonyms
        for (var o = 0; o < occupationCount; o++)
        {
            _relationStart[o] = relationSkills.Count;
            relationSkills.AddRange(essential[o] ?? []);
            _relationMiddle[o] = relationSkills.Count;
            relationSkills.AddRange(optional[o] ?? []);
            for (var i = _relationStart[o]; i < relationSkills.Count; i++)
            {
                popularity[relationSkills[i]]++;
            }
        }

        _relationStart[occupationCount] = relationSkills.Count;
        _relationSkills = [.. relationSkills];

        // Our Chinese layer.
        var labelZh = new string?[total];
        var sector = new string?[total];
        var aliasesZh = new string[total][];
        ReadChinese(TaxonomySource.ZhOccupationsFile, source.ZhOccupations, ConceptKind.Occupation);
        ReadChinese(TaxonomySource.ZhSkillsFile, source.ZhSkills, ConceptKind.Skill);

        void ReadChinese(string file, string text, ConceptKind kind)
        {
            foreach (var row in Tsv.Read(file, text, ZhHeader, 2, errors))
            {
                var (uri, zh, aliases, sectorName) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
                var where = $"{file} line {row.Line}";
                if (!_byUri.TryGetValue(uri, out var id))
                {
                    errors.Add($"{where}: unknown ESCO URI \"{uri}\"");
                    continue;
                }

                if (KindOf(id, occupationCount) != kind)
                {
                    errors.Add($"{where}: \"{uri}\" ({preferred[id]}) is not an ESCO {kind.ToString().ToLowerInvariant()}");
                    continue;
                }

                if (zh.Length == 0 || TaxonomyText.Normalize(zh).Length == 0)
                {
                    errors.Add($"{where}: empty zh_label for \"{uri}\"");
                    continue;
                }

                if (sectorName.Length > 0 && !SectorNames.Contains(sectorName))
                {
                    errors.Add($"{where}: unknown sector \"{sectorName}\" (one of: {string.Join(", ", SectorNames)})");
                    continue;
                }

                if (labelZh[id] is not null)
                {
                    errors.Add($"{where}: \"{uri}\" ({preferred[id]}) already has the Chinese label \"{labelZh[id]}\"");
                    continue;
                }

                labelZh[id] = zh;
                sector[id] = sectorName.Length > 0 ? sectorName : null;
                aliasesZh[id] = Tsv.SplitList(aliases, '|');
            }
        }

        _concepts = new Concept[total];
        for (var id = 0; id < total; id++)
        {
            _concepts[id] = new Concept(id, KindOf(id, occupationCount), uris[id], codes[id], preferred[id], labelZh[id], sector[id]);
        }

        _occupations = _concepts[..occupationCount];
        Occupations = Array.AsReadOnly(_occupations);
        Skills = Array.AsReadOnly(_concepts[occupationCount..]);

        // Curated aliases: the label index's first entries (rank 0).
        var entries = new List<LabelEntry>(total * 12);
        foreach (var row in Tsv.Read(TaxonomySource.AliasesFile, source.Aliases, AliasesHeader, 2, errors))
        {
            var (alias, uri) = (row.Fields[0], row.Fields[1]);
            var key = TaxonomyText.Normalize(alias);
            if (key.Length == 0)
            {
                errors.Add($"{TaxonomySource.AliasesFile} line {row.Line}: empty alias");
            }
            else if (!_byUri.TryGetValue(uri, out var id))
            {
                errors.Add($"{TaxonomySource.AliasesFile} line {row.Line}: unknown ESCO URI \"{uri}\" for alias \"{alias}\"");
            }
            else
            {
                entries.Add(new LabelEntry(key, id, LabelRank.Alias, Extractable(key, alias, LabelRank.Alias)));
            }
        }

        // Veterans: military specialty → civilian occupations.
        var military = new List<MilitaryOccupation>();
        _militaryByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Tsv.Read(TaxonomySource.MilitaryFile, source.MilitaryOccupations, MilitaryHeader, 4, errors))
        {
            var (code, nameZh, nameEn, list) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
            var where = $"{TaxonomySource.MilitaryFile} line {row.Line}";
            var ids = new List<int>();
            foreach (var uri in Tsv.SplitList(list, '|'))
            {
                if (_byUri.TryGetValue(uri, out var id) && id < occupationCount)
                {
                    ids.Add(id);
                }
                else
                {
                    errors.Add($"{where}: \"{uri}\" is not an ESCO occupation URI");
                }
            }

            if (code.Length == 0 || nameZh.Length == 0 || nameEn.Length == 0 || ids.Count == 0)
            {
                errors.Add($"{where}: needs a code, both names and at least one occupation URI");
                continue;
            }

            foreach (var name in new[] { code, nameZh, nameEn })
            {
                if (!_militaryByName.TryAdd(TaxonomyText.Normalize(name), military.Count))
                {
                    errors.Add($"{where}: the name or code \"{name}\" is used twice");
                }
            }

            military.Add(new MilitaryOccupation(code, nameZh, nameEn, Array.AsReadOnly(ids.ToArray())));
        }

        _military = [.. military];
        MilitaryOccupations = Array.AsReadOnly(_military);
        (_national, _escoOfNational, _nationalOfEsco, _nationalLabels) = JoinCrosswalk(national, errors);

        if (errors.Count > 0 || !index)
        {
            // Load throws on errors; Validate only wants them. The label index (no errors come from it) is the
            // expensive part: skip it.
            _displayKeys = [];
            _synonyms = alternatives;
            _labels = new LabelIndex([], id => KindOf(id, occupationCount));
            return;
        }

        // Every other label. Entries are added best-first within a rank: concepts with a Chinese label (our labour
        // market), then skills more occupations ask for, then id.
        var order = Enumerable.Range(0, total)
            .OrderByDescending(id => labelZh[id] is not null).ThenByDescending(id => popularity[id]).ThenBy(id => id).ToArray();
        var displayKeys = new List<(string, int)>();
        foreach (var id in order)
        {
            displayKeys.Add((AddLabel(id, preferred[id], LabelRank.Preferred), id));
            if (labelZh[id] is { } zh)
            {
                displayKeys.Add((AddLabel(id, zh, LabelRank.Preferred), id));
                foreach (var alias in aliasesZh[id])
                {
                    AddLabel(id, alias, LabelRank.ZhAlias);
                }
            }

            foreach (var alt in alternatives[id])
            {
                AddLabel(id, alt, LabelRank.EscoAlt);
            }

            foreach (var h in hidden[id])
            {
                AddLabel(id, h, LabelRank.EscoHidden);
            }
        }


        string AddLabel(int id, string label, LabelRank rank)
        {
            var key = TaxonomyText.Normalize(label);
            if (key.Length > 0)
            {
                entries.Add(new LabelEntry(key, id, rank, Extractable(key, label, rank)));
            }

            return key;
        }

        _displayKeys = [.. displayKeys];
        _synonyms = alternatives;
        _labels = new LabelIndex(entries, id => KindOf(id, occupationCount));
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
