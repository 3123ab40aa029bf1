using JobMatch.TextAnalysis;

namespace Matching.Taxonomy;

public sealed partial class SkillTaxonomy
{
    // An intern's or trainee's title often names the work, not the worker (数据分析实习生): the worker's word completes it.
    private static readonly string[] WorkerSuffixes = ["师", "员", "工", "工程师", "专员"];

    /// <summary>
    /// The occupation a posting title names, however noisy (docs/decisions/030): the whole title as written, else the title cleaned
    /// (<see cref="TitleCleaner"/>: hype, head counts, pay, brackets and codes, company and place names, grades, intern
    /// and graduate markers off), then the first of: the whole core or one of its parts as a label; the core with a
    /// worker's suffix (数据分析 → 数据分析师); the longest label inside a part, the later one on a tie (a Chinese title's
    /// head noun comes last: 初中科学教师). Null when nothing in the title names an occupation.
    /// </summary>
    public Concept? OccupationOfTitle(string? title)
    {
        // A curated label may include what the cleaner takes off (客户经理（银行）): the whole title first.
        if (Find(TextNormalizer.Clean(title), ConceptKind.Occupation) is { } asWritten) return asWritten;
        var cleaned = TitleCleaner.Clean(title);
        if (cleaned.Core.Length == 0) return null;
        foreach (var text in cleaned.Parts.Prepend(cleaned.Core))
        {
            if (Find(text, ConceptKind.Occupation) is { } whole) return whole;
        }
        foreach (var part in cleaned.Parts)
        {
            foreach (var suffix in WorkerSuffixes)
            {
                if (Find(part + suffix, ConceptKind.Occupation) is { } completed) return completed;
            }
        }
        Concept? best = null;
        var bestLength = 0;
        foreach (var part in cleaned.Parts)
        {
            if (LongestOccupationIn(TaxonomyText.Normalize(part)) is ({ } found, var length) && length > bestLength)
            {
                (best, bestLength) = (found, length);
            }
        }
        return best;
    }

    /// <summary>The longest occupation label inside a normalised key, starting and ending at word boundaries; later wins a tie.</summary>
    private (Concept? Concept, int Length) LongestOccupationIn(string key)
    {
        var boundaries = new List<int>();
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == 0 || i == key.Length || key[i] == ' ' || key[i - 1] == ' ' || TaxonomyText.IsCjk(key[i]) || TaxonomyText.IsCjk(key[i - 1]))
            {
                boundaries.Add(i);
            }
        }
        for (var length = key.Length; length >= 2; length--)
        {
            for (var b = boundaries.Count - 1; b >= 0; b--)
            {
                var end = boundaries[b];
                var start = end - length;
                if (start < 0 || boundaries.BinarySearch(start) < 0 || key[start] == ' ' || key[end - 1] == ' ') continue;
                var id = _labels.Find(key[start..end], ConceptKind.Occupation, KindOf);
                if (id >= 0) return (_concepts[id], length);
            }
        }
        return (null, 0);
    }
}
