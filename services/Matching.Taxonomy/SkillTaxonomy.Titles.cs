using JobMatch.TextAnalysis;

namespace Matching.Taxonomy;

public sealed partial class SkillTaxonomy
{
    // An intern's or trainee's title often names the work, not the worker (数据分析实习生): the worker's word completes it.
    private static readonly string[] WorkerSuffixes = ["师", "员", "工", "工程师", "专员"];

    /// <summary>
    /// The occupation a posting title names, however noisy (docs/decisions/030, 060): the whole title as written, else
    /// the title cleaned (<see cref="TitleCleaner"/>: hype, head counts, pay, brackets and codes, company and place
    /// names, grades, intern and graduate markers off), then the first of: the whole core or one of its parts as a
    /// label; the core with a worker's suffix (数据分析 → 数据分析师); the longest label inside a part, the later one on a
    /// tie (a Chinese title's head noun comes last: 初中科学教师). At each step our labels are tried first, then the
    /// 职业分类大典 names and recruiting aliases the crosswalk maps to an ESCO occupation: a title one of them names
    /// whole beats a label found only inside it. Null when nothing in the title names an occupation.
    /// </summary>
    public Concept? OccupationOfTitle(string? title)
    {
        // The whole ad as written counts only as one of our own labels or a 大典 name (客户经理（银行）): an ESCO synonym of
        // the ad's wording with its grade still on ("senior data analyst" is one of call centre analyst's) must not beat
        // the cleaned job ("data analyst").
        var asWritten = TextNormalizer.Clean(title);
        if ((FindLabelled(asWritten, ConceptKind.Occupation, LabelRank.ZhAlias) ?? FindNationalLabel(asWritten)) is { } whole) return whole;
        var cleaned = TitleCleaner.Clean(title);
        Concept? Ours(string text) => FindLabelled(text, ConceptKind.Occupation);
        return NamedByTitle(cleaned, Ours, FindNationalLabel) ?? LongestIn(cleaned, LongestOccupationIn, LongestNationalLabelIn);
    }

    /// <summary>
    /// The 细类 of 职业分类大典 a posting title names: the title, its cleaned core or a part (with a worker's suffix) as a
    /// 大典 name or recruiting alias; else the ESCO occupation of <see cref="OccupationOfTitle"/> through the crosswalk;
    /// else the longest 大典 name inside a part. Null when neither scheme finds one.
    /// </summary>
    public NationalOccupation? NationalOccupationOfTitle(string? title)
    {
        var cleaned = TitleCleaner.Clean(title);
        NationalOccupation? Named(string text) => _national.FindByName(text) is { Level: NationalLevel.Occupation } found ? _national.Canonical(found) : null;
        return Named(TextNormalizer.Clean(title)) ?? NamedByTitle(cleaned, Named)
            ?? (OccupationOfTitle(title) is { } esco ? NationalOccupationsOf(esco.Id).FirstOrDefault() : null)
            ?? (LongestIn(cleaned, _national.LongestNameIn) is { } inside ? _national.Canonical(inside) : null);
    }

    /// <summary>
    /// Step by step, each namer in turn: the cleaned core or a part as a name; a part with a worker's suffix. The first
    /// name found wins.
    /// </summary>
    private static T? NamedByTitle<T>(CleanedTitle cleaned, params Func<string, T?>[] namers)
        where T : class
    {
        if (cleaned.Core.Length == 0) return null;
        string[] wholeOrPart = [cleaned.Core, .. cleaned.Parts];
        string[] completed = [.. cleaned.Parts.SelectMany(part => WorkerSuffixes.Select(suffix => part + suffix))];
        foreach (var texts in new[] { wholeOrPart, completed })
        {
            foreach (var named in namers)
            {
                foreach (var text in texts)
                {
                    if (named(text) is { } found) return found;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The longest name inside any part of the cleaned title by any of the finders; the longer wins, on a tie the earlier
    /// part, then the earlier finder.
    /// </summary>
    private static T? LongestIn<T>(CleanedTitle cleaned, params Func<string, (T? Found, int Length)>[] longestIn)
        where T : class
    {
        T? best = null;
        var bestLength = 0;
        foreach (var part in cleaned.Parts)
        {
            var key = TaxonomyText.Normalize(part);
            foreach (var finder in longestIn)
            {
                if (finder(key) is ({ } found, var length) && length > bestLength)
                {
                    (best, bestLength) = (found, length);
                }
            }
        }
        return best;
    }

    /// <summary>The longest occupation label inside a normalised key, starting and ending at word boundaries; later wins a tie.</summary>
    private (Concept? Concept, int Length) LongestOccupationIn(string key) =>
        TaxonomyText.LongestKeyIn(key, candidate => _labels.Find(candidate, ConceptKind.Occupation, KindOf) is var id and >= 0 ? _concepts[id] : null);
}
