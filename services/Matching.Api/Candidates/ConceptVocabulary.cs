using System.Collections.Concurrent;
using JobMatch.ServiceDefaults.Skills;
using Matching.Taxonomy;

namespace Matching.Api.Candidates;

/// <summary>
/// Turns what people typed into the integer ids the index and the features work on: a taxonomy concept when the text
/// names one in either language ("JS", 叉车司机), otherwise the text's normal form, interned above the taxonomy's ids,
/// so a skill the taxonomy does not know still matches the same words typed elsewhere.
/// </summary>
public sealed class ConceptVocabulary
{
    private readonly SkillTaxonomy taxonomy;

    public ConceptVocabulary(SkillTaxonomy taxonomy)
    {
        this.taxonomy = taxonomy;
        nextId = taxonomy.Count;
        // Lexical retrieval cuts Chinese the way the taxonomy names it: its labels join the segmenter's dictionary.
        JobMatch.TextAnalysis.TextAnalyzer.AddWords(taxonomy.ChineseWords());
    }

    /// <summary>Text already resolved: postings and profiles repeat the same words, and resolution is most of indexing.</summary>
    private const int CacheLimit = 500_000;
    private readonly ConcurrentDictionary<string, int> skillCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]> occupationCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> interned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> internedKeys = new();
    private int nextId;

    public SkillTaxonomy Taxonomy => taxonomy;

    /// <summary>The index terms of lexical retrieval, interned (LexicalTerms).</summary>
    public TermIds Terms { get; } = new();

    public bool IsConcept(int id) => id < taxonomy.Count;

    public int SkillId(string typed)
    {
        if (skillCache.TryGetValue(typed, out var cached)) return cached;
        var id = ResolveSkill(typed);
        if (skillCache.Count < CacheLimit) skillCache.TryAdd(typed, id);
        return id;
    }

    private int ResolveSkill(string typed)
    {
        if (taxonomy.Find(typed, ConceptKind.Skill) is { } concept) return concept.Id;
        var key = SkillKey.Normalize(typed);
        return interned.GetOrAdd(key, k =>
        {
            var id = Interlocked.Increment(ref nextId) - 1;
            internedKeys[id] = k;
            return id;
        });
    }

    /// <summary>Distinct ids in the order typed, with the text that produced each (for explanations).</summary>
    public (int Id, string Label)[] Skills(IEnumerable<string> typed)
    {
        var seen = new HashSet<int>();
        var result = new List<(int, string)>();
        foreach (var text in typed)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var id = SkillId(text);
            if (seen.Add(id)) result.Add((id, text.Trim()));
        }
        return [.. result];
    }

    /// <summary>
    /// Occupations a posting or seeker names: codes and names in either language, the 职业分类大典 code through the
    /// crosswalk, and the posting title.
    /// </summary>
    public int[] Occupations(IEnumerable<string> namesOrCodes, string? title = null, string? nationalCode = null)
    {
        var texts = namesOrCodes.ToArray();
        var key = string.Join('\u001f', texts) + '\u001e' + title + '\u001e' + nationalCode;
        if (occupationCache.TryGetValue(key, out var cached)) return cached;
        var resolved = ResolveOccupations(texts, title, nationalCode);
        if (occupationCache.Count < CacheLimit) occupationCache.TryAdd(key, resolved);
        return resolved;
    }

    /// <summary>
    /// What is named, with the ESCO occupations the 大典 code's crosswalk names; else the title's; else, for a 大典 code
    /// the crosswalk maps to a unit group only, every ESCO occupation of that group (as an ISCO code is read).
    /// </summary>
    private int[] ResolveOccupations(string[] namesOrCodes, string? title, string? nationalCode)
    {
        var ids = taxonomy.ResolveOccupations(namesOrCodes.Where(text => !string.IsNullOrWhiteSpace(text))).ToList();
        if (nationalCode is not null) ids.AddRange(taxonomy.EscoOccupationsOf(nationalCode, orUnitGroup: false));
        if (ids.Count == 0 && taxonomy.OccupationOfTitle(title) is { } named) ids.Add(named.Id);
        if (ids.Count == 0 && nationalCode is not null) ids.AddRange(taxonomy.EscoOccupationsOf(nationalCode));
        return [.. ids.Distinct()];
    }

    /// <summary>For veterans: the civilian occupations their military specialties map to.</summary>
    public int[] CivilianOccupations(IEnumerable<string> militaryOccupations) =>
        [.. militaryOccupations.SelectMany(taxonomy.CivilianOccupationsFor).Select(concept => concept.Id).Distinct()];

    public string Label(int id, string language) =>
        IsConcept(id) ? taxonomy.LabelFor(id, language) : internedKeys.GetValueOrDefault(id, "");
}
