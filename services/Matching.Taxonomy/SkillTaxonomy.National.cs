using System.Globalization;

namespace Matching.Taxonomy;

/// <summary>The second occupation scheme, 职业分类大典 2022, joined to ESCO through the crosswalk (docs/decisions/060).</summary>
public sealed partial class SkillTaxonomy
{
    private readonly NationalClassification _national;
    private readonly Dictionary<string, int[]> _escoOfNational;   // 细类 → the ESCO occupations its crosswalk row names, best first
    private readonly string[][] _nationalOfEsco;                 // ESCO occupation → the 细类 naming it, those naming it first first
    private readonly Dictionary<string, int> _nationalLabels;     // normalised 大典 name or alias → the ESCO occupation it names

    /// <summary>China's occupational classification, the one this taxonomy's crosswalk was joined with.</summary>
    public NationalClassification National => _national;

    /// <summary>
    /// The ESCO occupations a 细类 code stands for: those its crosswalk row names; when the evidence named none, every
    /// ESCO occupation of its ISCO-08 unit group (as an ISCO code from a register is read), unless
    /// <paramref name="orUnitGroup"/> is false. Empty for an unknown code.
    /// </summary>
    public int[] EscoOccupationsOf(string nationalCode, bool orUnitGroup = true)
    {
        if (_national.Find(nationalCode) is not { Level: NationalLevel.Occupation } code) return [];
        var canonical = _national.Canonical(code);
        if (_escoOfNational.TryGetValue(canonical.Code, out var named) && named.Length > 0) return named;
        return orUnitGroup && canonical.Crosswalk is { } entry && _byIscoGroup.TryGetValue(int.Parse(entry.IscoGroup, CultureInfo.InvariantCulture), out var group)
            ? group
            : [];
    }

    /// <summary>
    /// The 细类 code a posting or profile carries beside its ESCO occupation: the one given (for a repeated code, the code
    /// it repeats); else the first occupation named that is a 大典 code or name, or an ESCO code or name the crosswalk
    /// maps to a 细类; else the 细类 the title names (<see cref="NationalOccupationOfTitle"/>). Null when none names one; an
    /// unknown code given is the caller's to refuse (<see cref="NationalClassification.IsOccupationCode"/>).
    /// </summary>
    public string? NationalCodeFor(string? given, IEnumerable<string?> occupationsNamed, string? title)
    {
        if (_national.Find(given) is { Level: NationalLevel.Occupation } code) return _national.Canonical(code).Code;
        foreach (var named in occupationsNamed)
        {
            if (string.IsNullOrWhiteSpace(named)) continue;
            if ((_national.Find(named) ?? _national.FindByName(named)) is { Level: NationalLevel.Occupation } national) return _national.Canonical(national).Code;
            foreach (var id in ResolveOccupations([named]))
            {
                if (_nationalOfEsco[id].Length > 0) return _nationalOfEsco[id][0];
            }
        }
        return NationalOccupationOfTitle(title)?.Code;
    }

    /// <summary>The 细类 whose crosswalk names an ESCO occupation: those naming it first before the rest, then code order.</summary>
    public IReadOnlyList<NationalOccupation> NationalOccupationsOf(int escoOccupationId)
    {
        CheckOccupation(escoOccupationId);
        return Array.ConvertAll(_nationalOfEsco[escoOccupationId], code => _national.Find(code)!);
    }

    /// <summary>
    /// The ESCO occupation a 大典 name or recruiting alias names: the first one its crosswalk row names. Below our own
    /// labels (a title resolves by them first, docs/decisions/060); an alias two 细类 share names none.
    /// </summary>
    private Concept? FindNationalLabel(string text) =>
        _nationalLabels.TryGetValue(TaxonomyText.Normalize(text), out var id) ? _concepts[id] : null;

    private (Concept? Concept, int Length) LongestNationalLabelIn(string key) =>
        TaxonomyText.LongestKeyIn(key, candidate => _nationalLabels.TryGetValue(candidate, out var id) ? _concepts[id] : null);

    // What a name says about the person, not the work: taken off before two names are compared.
    private static readonly string[] GenericEndings = ["工程技术人员", "专业技术人员", "专业人员", "技术人员", "工作人员", "服务人员", "人员", "工程师", "技师", "师", "员", "工"];

    /// <summary>
    /// Whether an alias shares a pair of characters with the 细类's name once both lose their generic ending (货运司机 and
    /// 道路货运汽车驾驶员 share 货运). The source lists neighbouring jobs among an occupation's aliases (客服 under 呼叫中心服务员,
    /// 成本会计 under 工程造价工程技术人员); the crosswalk chose its ESCO occupation for the name, so only those aliases label it.
    /// </summary>
    internal static bool SharesContent(string alias, string name)
    {
        var (a, b) = (Core(TaxonomyText.Normalize(alias)), Core(TaxonomyText.Normalize(name)));
        for (var i = 0; i + 2 <= a.Length; i++)
        {
            if (b.Contains(a.AsSpan(i, 2), StringComparison.Ordinal)) return true;
        }
        return false;

        static string Core(string key)
        {
            foreach (var ending in GenericEndings)
            {
                if (key.EndsWith(ending, StringComparison.Ordinal) && key.Length > ending.Length + 1) return key[..^ending.Length];
            }
            return key;
        }
    }

    /// <summary>
    /// A 小类's name and its aliases sharing content with it (记者, 记者采编) label the ESCO occupation most of its 细类 name
    /// first (文字记者, 摄影记者 → journalist; the earliest 细类's on a tie): ads name the job at that level as often as below
    /// it. Below the 细类 labels: a key a 细类 already holds, or two 小类 name differently, stays as it is or names none.
    /// </summary>
    private static void AddMinorGroupLabels(NationalClassification national, Dictionary<string, int[]> escoOf, Dictionary<string, int> labels)
    {
        var minor = new Dictionary<string, int>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in national.Codes.Where(c => c.Level == NationalLevel.MinorGroup))
        {
            var named = national.ChildrenOf(group.Code)
                .Where(o => o.SameAs is null && o.Crosswalk?.Method == "evidence" && escoOf.GetValueOrDefault(o.Code) is { Length: > 0 })
                .GroupBy(o => escoOf[o.Code][0])
                .OrderByDescending(g => g.Count())
                .Select(g => (int?)g.Key)
                .FirstOrDefault();
            if (named is not { } id) continue;
            var names = group.RecruitingAliases.Where(alias => SharesContent(alias, group.Name)).Prepend(group.Name);
            foreach (var key in names.Select(TaxonomyText.Normalize).Where(k => k.Length >= 2 && !labels.ContainsKey(k)).Distinct())
            {
                if (minor.TryGetValue(key, out var other) && other != id) shared.Add(key);
                else minor[key] = id;
            }
        }
        foreach (var (key, id) in minor)
        {
            if (!shared.Contains(key)) labels[key] = id;
        }
    }

    private (NationalClassification, Dictionary<string, int[]>, string[][], Dictionary<string, int>) JoinCrosswalk(NationalClassification national, List<string> errors)
    {
        var escoOf = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var naming = new List<(string Code, int Position)>[_occupations.Length];
        foreach (var occupation in national.Occupations)
        {
            if (occupation.Crosswalk is not { } entry) continue;
            var ids = new List<int>();
            foreach (var uri in entry.EscoOccupationUris)
            {
                if (_byUri.TryGetValue(uri, out var id) && id < _occupations.Length && _iscoGroup[id].ToString("D4", CultureInfo.InvariantCulture) == entry.IscoGroup)
                {
                    ids.Add(id);
                    if (occupation.SameAs is null) (naming[id] ??= []).Add((occupation.Code, ids.Count - 1));
                }
                else
                {
                    errors.Add($"{NationalSource.CrosswalkFile}: {occupation.Code} names {uri}, which is no ESCO occupation of unit group {entry.IscoGroup}");
                }
            }
            if (!_byIscoGroup.ContainsKey(int.Parse(entry.IscoGroup, CultureInfo.InvariantCulture)))
                errors.Add($"{NationalSource.CrosswalkFile}: {occupation.Code}'s unit group {entry.IscoGroup} has no ESCO occupation");
            escoOf[occupation.Code] = [.. ids];
        }
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var occupation in national.Occupations.Where(o => o.SameAs is null && o.Crosswalk?.Method == "evidence"))
        {
            if (!escoOf.TryGetValue(occupation.Code, out var ids) || ids.Length == 0) continue;
            var named = occupation.RecruitingAliases.Where(alias => SharesContent(alias, occupation.Name)).Prepend(occupation.Name);
            foreach (var key in named.Select(TaxonomyText.Normalize).Where(k => k.Length >= 2).Distinct())
            {
                if (labels.TryGetValue(key, out var other) && other != ids[0]) shared.Add(key);
                else labels[key] = ids[0];
            }
        }
        foreach (var key in shared) labels.Remove(key);
        AddMinorGroupLabels(national, escoOf, labels);

        var ofEsco = new string[_occupations.Length][];
        for (var id = 0; id < ofEsco.Length; id++)
        {
            ofEsco[id] = naming[id] is { } list ? [.. list.OrderBy(n => n.Position).ThenBy(n => n.Code, StringComparer.Ordinal).Select(n => n.Code)] : [];
        }
        return (national, escoOf, ofEsco, labels);
    }
}
