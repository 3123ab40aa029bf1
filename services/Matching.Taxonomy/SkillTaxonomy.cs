using System.Globalization;

namespace Matching.Taxonomy;

/// <summary>
/// ESCO v1.1.1 occupations and skills with our Chinese labels, aliases and the military-to-civilian mapping, all
/// from embedded data (Data/). Immutable after loading, so one instance is safe to share between threads.
/// </summary>
public sealed partial class SkillTaxonomy
{
    private static readonly Lazy<SkillTaxonomy> SharedInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Concept[] _concepts;
    private readonly Concept[] _occupations;
    private readonly Dictionary<string, int> _byUri;
    private readonly Dictionary<string, int> _byEscoCode;
    private readonly Dictionary<int, int[]> _byIscoGroup;
    private readonly int[] _iscoGroup;          // per occupation: ISCO-08 unit group as a number, e.g. 8344
    private readonly int[] _relationStart;      // per occupation: essential [s, m), optional [m, e) in _relationSkills
    private readonly int[] _relationMiddle;
    private readonly int[] _relationSkills;
    private readonly LabelIndex _labels;
    private readonly (string Key, int Concept)[] _displayKeys; // preferred and Chinese labels, for Suggest's infix pass
    private readonly string[][] _synonyms;         // per concept: ESCO altLabels as written
    private readonly MilitaryOccupation[] _military;
    private readonly Dictionary<string, int> _militaryByName;

    /// <summary>Loaded once, on first use, from the embedded data; thread-safe.</summary>
    public static SkillTaxonomy Shared => SharedInstance.Value;

    /// <summary>A fresh load of the embedded data (tests, benchmarks). Throws <see cref="TaxonomyDataException"/> on bad data.</summary>
    public static SkillTaxonomy Load() => Load(TaxonomySource.FromResources());

    internal static SkillTaxonomy Load(TaxonomySource source) => Load(source, NationalClassification.Shared);

    internal static SkillTaxonomy Load(TaxonomySource source, NationalClassification national)
    {
        var errors = new List<string>();
        var taxonomy = new SkillTaxonomy(source, national, errors);
        if (errors.Count > 0)
        {
            const int Shown = 30;
            var more = errors.Count > Shown ? $"{Environment.NewLine}… and {errors.Count - Shown} more" : string.Empty;
            throw new TaxonomyDataException(
                $"{errors.Count} error(s) in the taxonomy data:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(Shown))}{more}");
        }

        return taxonomy;
    }

    /// <summary>Every problem in the data, one line each naming file and line (empty when all is well).</summary>
    internal static IReadOnlyList<string> Validate(TaxonomySource source)
    {
        var errors = new List<string>();
        _ = new SkillTaxonomy(source, NationalClassification.Shared, errors, index: false);
        return errors;
    }

    public int Count => _concepts.Length;

    public Concept this[int id] => (uint)id < (uint)_concepts.Length
        ? _concepts[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Concept ids are 0..{_concepts.Length - 1}.");

    // Read-only views: the arrays behind them are shared by every caller of Shared.
    public IReadOnlyList<Concept> Occupations { get; }

    public IReadOnlyList<Concept> Skills { get; }

    public IReadOnlyList<MilitaryOccupation> MilitaryOccupations { get; }

    /// <summary>Number of distinct normalised labels (English, Chinese, aliases) in the index.</summary>
    public int LabelCount => _labels.KeyCount;

    /// <summary>
    /// The concept one label, alias or synonym names, in either language (or a full ESCO URI); else, for occupations,
    /// the ESCO occupation a 职业分类大典 name or recruiting alias names through the crosswalk; null if none.
    /// </summary>
    public Concept? Find(string text, ConceptKind? kind = null) =>
        FindLabelled(text, kind) ?? ((kind is null or ConceptKind.Occupation) && !string.IsNullOrWhiteSpace(text) ? FindNationalLabel(text) : null);

    /// <summary>The concept our labels (ESCO's, our Chinese layer, curated aliases; ranked at most <paramref name="worst"/>) or an ESCO URI name.</summary>
    private Concept? FindLabelled(string text, ConceptKind? kind, LabelRank worst = LabelRank.EscoHidden)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var id = _labels.Find(TaxonomyText.Normalize(text), kind, KindOf, worst);
        if (id < 0 && _byUri.TryGetValue(text.Trim(), out var byUri) && (kind is null || _concepts[byUri].Kind == kind))
        {
            id = byUri;
        }

        return id < 0 ? null : _concepts[id];
    }

    /// <summary>Every concept named in free text (Chinese or English), in order of first mention, each once.</summary>
    public IReadOnlyList<Concept> Extract(string text, ConceptKind? kind = null)
    {
        var ids = new List<int>();
        ExtractIds(text, kind, ids);
        return ids.ConvertAll(id => _concepts[id]);
    }

    private void ExtractIds(string text, ConceptKind? kind, List<int> found)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // What the text denies is no mention: "不会开叉车" names no forklift skill, "无需经验" no experience.
        foreach (var clause in TaxonomyText.Clauses(JobMatch.TextAnalysis.TextAnalyzer.Affirmed(text)))
        {
            _labels.Extract(TaxonomyText.NormalizeNfkc(clause), kind, found);
        }
    }

    /// <summary>Distinct skill ids for what people typed: each entry as one label if it is one, else every skill it mentions.</summary>
    public int[] ResolveSkills(IEnumerable<string> typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var ids = new List<int>();
        foreach (var text in typed)
        {
            var one = Find(text, ConceptKind.Skill);
            if (one is not null)
            {
                if (!ids.Contains(one.Id))
                {
                    ids.Add(one.Id);
                }
            }
            else
            {
                ExtractIds(text, ConceptKind.Skill, ids);
            }
        }

        return [.. ids];
    }

    /// <summary>
    /// Distinct occupation ids for names in either language, ESCO codes ("8344.1": that occupation), ISCO-08 unit
    /// groups ("8344": every ESCO occupation in the group), ESCO URIs, or 职业分类大典 codes and names ("4-02-02-02",
    /// 道路货运汽车驾驶员: the ESCO occupations of its crosswalk, see <see cref="EscoOccupationsOf"/>).
    /// </summary>
    public int[] ResolveOccupations(IEnumerable<string> typedOrCodes)
    {
        ArgumentNullException.ThrowIfNull(typedOrCodes);
        var ids = new List<int>();
        void Add(int id)
        {
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        foreach (var raw in typedOrCodes)
        {
            var text = raw?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                continue;
            }

            if (NationalClassification.LooksLikeOccupationCode(text))
            {
                foreach (var id in EscoOccupationsOf(text))
                {
                    Add(id);
                }

                continue;
            }

            if (IsCode(text))
            {
                if (_byEscoCode.TryGetValue(text, out var byCode))
                {
                    Add(byCode);
                }
                else if (text.Length == 4 && _byIscoGroup.TryGetValue(int.Parse(text, CultureInfo.InvariantCulture), out var group))
                {
                    foreach (var id in group)
                    {
                        Add(id);
                    }
                }

                continue;
            }

            var one = Find(text, ConceptKind.Occupation);
            if (one is not null)
            {
                Add(one.Id);
            }
            else
            {
                var found = new List<int>();
                ExtractIds(text, ConceptKind.Occupation, found);
                if (found.Count == 0 && _national.FindByName(text) is { Level: NationalLevel.Occupation } national)
                {
                    found.AddRange(EscoOccupationsOf(national.Code));
                }

                found.ForEach(Add);
            }
        }

        return [.. ids];
    }

    private static bool IsCode(string text)
    {
        if (!char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    public ReadOnlySpan<int> EssentialSkills(int occupationId)
    {
        CheckOccupation(occupationId);
        return _relationSkills.AsSpan(_relationStart[occupationId], _relationMiddle[occupationId] - _relationStart[occupationId]);
    }

    public ReadOnlySpan<int> OptionalSkills(int occupationId)
    {
        CheckOccupation(occupationId);
        return _relationSkills.AsSpan(_relationMiddle[occupationId], _relationStart[occupationId + 1] - _relationMiddle[occupationId]);
    }

    /// <summary>
    /// 1 for the same occupation; otherwise the larger of the ISCO-08 prefix score (same unit group 0.8, minor group
    /// 0.6, sub-major 0.4, major 0.2) and the Jaccard overlap of essential skills, capped at 0.99. Symmetric,
    /// allocation-free: two group numbers compared, and two short sorted skill arrays merged only when their overlap
    /// could beat the ISCO score. For one occupation against many, <see cref="OccupationSimilarities"/> is faster.
    /// </summary>
    public double OccupationSimilarity(int a, int b)
    {
        CheckOccupation(a);
        CheckOccupation(b);
        if (a == b)
        {
            return 1.0;
        }

        var isco = IscoScore(a, b);
        int xs = _relationStart[a], xe = _relationMiddle[a], ys = _relationStart[b], ye = _relationMiddle[b];
        int nx = xe - xs, ny = ye - ys;
        if (nx == 0 || ny == 0 || (double)Math.Min(nx, ny) / Math.Max(nx, ny) <= isco)
        {
            return isco; // the Jaccard cannot exceed min/max, so it cannot win
        }

        var skills = _relationSkills;
        var common = 0;
        while (xs < xe && ys < ye)
        {
            int x = skills[xs], y = skills[ys];
            common += x == y ? 1 : 0;
            xs += x <= y ? 1 : 0;
            ys += y <= x ? 1 : 0;
        }

        return Math.Min(Math.Max(isco, (double)common / (nx + ny - common)), 0.99);
    }

    /// <summary>
    /// <see cref="OccupationSimilarity"/> of <paramref name="a"/> to each of <paramref name="others"/> (a request's
    /// candidates), written to <paramref name="into"/>: a's essential skills are marked once, then each other
    /// occupation costs one look-up per essential skill.
    /// </summary>
    public void OccupationSimilarities(int a, ReadOnlySpan<int> others, Span<double> into)
    {
        CheckOccupation(a);
        if (into.Length < others.Length)
        {
            throw new ArgumentException("into must be at least as long as others", nameof(into));
        }

        var essential = EssentialSkills(a);
        Span<ulong> marked = stackalloc ulong[(_concepts.Length + 63) / 64];
        marked.Clear();
        foreach (var skill in essential)
        {
            marked[skill >> 6] |= 1UL << (skill & 63);
        }

        for (var i = 0; i < others.Length; i++)
        {
            var b = others[i];
            CheckOccupation(b);
            if (a == b)
            {
                into[i] = 1.0;
                continue;
            }

            var isco = IscoScore(a, b);
            var theirs = _relationSkills.AsSpan(_relationStart[b], _relationMiddle[b] - _relationStart[b]);
            var common = 0;
            foreach (var skill in theirs)
            {
                common += (int)((marked[skill >> 6] >> (skill & 63)) & 1UL);
            }

            var union = essential.Length + theirs.Length - common;
            var jaccard = union == 0 ? 0.0 : (double)common / union;
            into[i] = Math.Min(Math.Max(isco, jaccard), 0.99);
        }
    }

    private double IscoScore(int a, int b)
    {
        int ga = _iscoGroup[a], gb = _iscoGroup[b];
        if (ga < 0 || gb < 0)
        {
            return 0.0;
        }

        return ga == gb ? 0.8 : ga / 10 == gb / 10 ? 0.6 : ga / 100 == gb / 100 ? 0.4 : ga / 1000 == gb / 1000 ? 0.2 : 0.0;
    }

    /// <summary>Civilian occupations for a military specialty named in Chinese or English (or its code); empty if unknown.</summary>
    public IReadOnlyList<Concept> CivilianOccupationsFor(string militaryOccupation)
    {
        var key = TaxonomyText.Normalize(militaryOccupation);
        if (key.Length == 0)
        {
            return [];
        }

        if (!_militaryByName.TryGetValue(key, out var index))
        {
            // "汽车驾驶员（三级）", "former radar operator": the longest specialty name inside what was typed, or the
            // first specialty whose name contains it.
            index = -1;
            var bestLength = 0;
            foreach (var (name, i) in _militaryByName)
            {
                if (name.Length > bestLength && name.Length >= 2 && key.Contains(name, StringComparison.Ordinal))
                {
                    index = i;
                    bestLength = name.Length;
                }
            }

            if (index < 0 && key.Length >= 2)
            {
                index = Array.FindIndex(_military, m =>
                    TaxonomyText.Normalize(m.NameZh).Contains(key, StringComparison.Ordinal)
                    || TaxonomyText.Normalize(m.NameEn).Contains(key, StringComparison.Ordinal));
            }
        }

        return index < 0 ? [] : _military[index].CivilianOccupationIds.Select(id => _concepts[id]).ToList();
    }

    /// <summary>"zh" (or "zh-CN", "zh-Hans" …) → the Chinese label when there is one; anything else → English.</summary>
    public string LabelFor(int id, string language)
    {
        var concept = this[id];
        return language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? concept.LabelZh ?? concept.Label
            : concept.Label;
    }

    /// <summary>
    /// Autocomplete in both languages: concepts with a label, alias or synonym starting with what was typed (exact
    /// first, then concepts with a Chinese label, i.e. our labour market's, then preferred labels before synonyms,
    /// shorter first), then preferred or Chinese labels containing it as a word.
    /// </summary>
    public IReadOnlyList<Concept> Suggest(string prefix, ConceptKind? kind, int limit)
    {
        var key = TaxonomyText.Normalize(prefix);
        if (key.Length == 0 || limit <= 0)
        {
            return [];
        }

        var ids = _labels.Prefixed(key, kind, KindOf, id => _concepts[id].LabelZh is not null, limit);
        if (ids.Count < limit)
        {
            var cjk = TaxonomyText.IsCjk(key[0]);
            foreach (var (display, concept) in _displayKeys)
            {
                if (ids.Count >= limit)
                {
                    break;
                }

                if ((kind is not null && _concepts[concept].Kind != kind) || ids.Contains(concept))
                {
                    continue;
                }

                var at = display.IndexOf(key, StringComparison.Ordinal);
                if (at > 0 && (cjk || display[at - 1] == ' ' || TaxonomyText.IsCjk(display[at - 1])))
                {
                    ids.Add(concept);
                }
            }
        }

        return ids.ConvertAll(id => _concepts[id]);
    }

    /// <summary>
    /// Every Chinese label and alias, 大典 names included (normalised, two to ten characters): the words a segmenter should keep whole, so
    /// lexical retrieval and the taxonomy cut text the same way (TextAnalyzer.AddWords).
    /// </summary>
    public IEnumerable<string> ChineseWords() =>
        _labels.Keys.Concat(_nationalLabels.Keys).Where(key => key.Length is >= 2 and <= 10 && key.All(TaxonomyText.IsCjk)).Distinct(StringComparer.Ordinal);

    /// <summary>ESCO's synonyms (altLabels) of a concept as written, e.g. for "operate forklift" "drive forklift".</summary>
    public IReadOnlyList<string> Synonyms(int id) => (uint)id < (uint)_synonyms.Length ? _synonyms[id] ?? [] : [];

    private ConceptKind KindOf(int id) => id < _occupations.Length ? ConceptKind.Occupation : ConceptKind.Skill;

    private void CheckOccupation(int id)
    {
        if ((uint)id >= (uint)_occupations.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Occupation ids are 0..{_occupations.Length - 1}.");
        }
    }
}
