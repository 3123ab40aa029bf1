using System.Text.RegularExpressions;
using JobMatch.TextAnalysis;

namespace Matching.Taxonomy;

public sealed partial class NationalClassification
{
    /// <summary>
    /// Autocomplete over the classification in Chinese and English: a code or code prefix ("4-02", "4-02-02-02") gives
    /// the codes under it in order; otherwise names, recruiting aliases and English names starting with what was typed
    /// (exact first, then names before aliases before English, 细类 before groups, shorter first), then names containing
    /// it, then 细类 whose definition and main tasks hold every word of it (叉车 → 起重装卸机械操作工). Repeated codes are
    /// never suggested.
    /// </summary>
    public IReadOnlyList<NationalOccupation> Suggest(string? text, int limit)
    {
        var clean = TextNormalizer.Clean(text).Trim();
        if (clean.Length == 0 || limit <= 0) return [];
        if (CodePrefix().IsMatch(clean))
        {
            return _codes.Where(c => c.SameAs is null && (c.Code == clean || c.Code.StartsWith(clean.TrimEnd('-') + (clean.EndsWith('-') ? "-" : ""), StringComparison.Ordinal)))
                .Take(limit).ToList();
        }

        var key = TaxonomyText.Normalize(clean);
        if (key.Length == 0) return [];
        var found = new List<NationalOccupation>();
        void Add(IEnumerable<NationalOccupation> more)
        {
            foreach (var occupation in more)
            {
                if (found.Count >= limit) return;
                if (!found.Contains(occupation)) found.Add(occupation);
            }
        }

        Add(_names.Prefixed(key));
        if (found.Count < limit) Add(_names.Containing(key));
        if (found.Count < limit) Add(_definitions.Value.Matching(clean));
        return found;
    }

    /// <summary>
    /// The occupations free text names: codes written in it (4-02-02-02), and the longest names and recruiting aliases
    /// inside it, in order of first mention. What the text denies does not count ("不做电焊工").
    /// </summary>
    public IReadOnlyList<NationalOccupation> Extract(string? text)
    {
        var found = new List<NationalOccupation>();
        var affirmed = TextAnalyzer.Affirmed(text);
        foreach (Match code in CodeInText().Matches(affirmed))
        {
            if (Find(code.Value) is { } named && !found.Contains(Canonical(named))) found.Add(Canonical(named));
        }
        foreach (var clause in TaxonomyText.Clauses(affirmed))
        {
            foreach (var occupation in _names.Inside(TaxonomyText.Normalize(clause)))
            {
                if (!found.Contains(occupation)) found.Add(occupation);
            }
        }
        return found;
    }

    /// <summary>The longest name or alias inside a normalised key, at word boundaries (the later on a tie), with its length.</summary>
    internal (NationalOccupation? Occupation, int Length) LongestNameIn(string key) =>
        TaxonomyText.LongestKeyIn(key, candidate => _names.Find(candidate, occupationsOnly: true));

    [GeneratedRegex(@"^\d(-\d{0,2}){0,3}$")] private static partial Regex CodePrefix();
    [GeneratedRegex(@"(?<![\d-])\d-\d{2}-\d{2}-\d{2}(?![\d-])")] private static partial Regex CodeInText();

    private enum NameRank : byte { Name, Alias, English }

    /// <summary>Normalised names, recruiting aliases and English names (and their bracketed alternatives) → codes.</summary>
    private sealed partial class NameIndex
    {
        private readonly Dictionary<string, List<(NationalOccupation Occupation, NameRank Rank)>> _byKey = new(StringComparer.Ordinal);
        private readonly string[] _sorted;
        private readonly (string Key, NationalOccupation Occupation)[] _displayNames;

        public NameIndex(IEnumerable<NationalOccupation> codes)
        {
            var display = new List<(string, NationalOccupation)>();
            foreach (var code in codes)
            {
                display.Add((Add(code.Name, code, NameRank.Name), code));
                foreach (var alias in code.RecruitingAliases) Add(alias, code, NameRank.Alias);
                display.Add((Add(code.NameEn, code, NameRank.English), code));
                foreach (Match alternative in Bracketed().Matches(code.NameEn)) Add(alternative.Groups[1].Value, code, NameRank.English);
                Add(Bracketed().Replace(code.NameEn, ""), code, NameRank.English);
            }
            foreach (var list in _byKey.Values)
            {
                // Best first: names before aliases, 细类 before the groups above them, then code order.
                list.Sort((a, b) => (a.Rank, Order(a.Occupation), a.Occupation.Code).CompareTo((b.Rank, Order(b.Occupation), b.Occupation.Code)));
            }
            _sorted = [.. _byKey.Keys.Order(StringComparer.Ordinal)];
            _displayNames = [.. display.Where(d => d.Item1.Length > 0)];
        }

        private string Add(string text, NationalOccupation code, NameRank rank)
        {
            var key = TaxonomyText.Normalize(text);
            if (key.Length == 0) return key;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            if (!list.Exists(e => e.Occupation == code)) list.Add((code, rank));
            return key;
        }

        private static int Order(NationalOccupation code) => code.Level == NationalLevel.Occupation ? 0 : 1;

        public NationalOccupation? Find(string key, bool occupationsOnly = false)
        {
            if (!_byKey.TryGetValue(key, out var list)) return null;
            foreach (var (occupation, _) in list)
            {
                if (!occupationsOnly || occupation.Level == NationalLevel.Occupation) return occupation;
            }
            return null;
        }

        public IEnumerable<NationalOccupation> Prefixed(string prefix)
        {
            var at = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
            if (at < 0) at = ~at;
            var hits = new List<(bool Exact, NameRank Rank, int Order, int Length, NationalOccupation Occupation)>();
            for (; at < _sorted.Length && _sorted[at].StartsWith(prefix, StringComparison.Ordinal) && hits.Count < 2_000; at++)
            {
                foreach (var (occupation, rank) in _byKey[_sorted[at]])
                    hits.Add((_sorted[at].Length == prefix.Length, rank, Order(occupation), _sorted[at].Length, occupation));
            }
            return hits.OrderBy(h => h.Exact ? 0 : 1).ThenBy(h => h.Rank).ThenBy(h => h.Order).ThenBy(h => h.Length).ThenBy(h => h.Occupation.Code, StringComparer.Ordinal)
                .Select(h => h.Occupation);
        }

        /// <summary>Names (Chinese anywhere, English at a word start) containing the key, 细类 first.</summary>
        public IEnumerable<NationalOccupation> Containing(string key)
        {
            var cjk = TaxonomyText.IsCjk(key[0]);
            return _displayNames
                .Where(d => d.Key.IndexOf(key, StringComparison.Ordinal) is var i && i > 0 && (cjk || d.Key[i - 1] == ' ' || TaxonomyText.IsCjk(d.Key[i - 1])))
                .Select(d => d.Occupation).OrderBy(Order);
        }

        /// <summary>Leftmost-longest names and aliases of 细类 inside a normalised clause.</summary>
        public IEnumerable<NationalOccupation> Inside(string clause)
        {
            var i = 0;
            while (i < clause.Length)
            {
                var best = (Occupation: (NationalOccupation?)null, End: -1);
                for (var end = Math.Min(clause.Length, i + 40); end >= i + 2 && best.Occupation is null; end--)
                {
                    if (TaxonomyText.IsWordBoundary(clause, i) && TaxonomyText.IsWordBoundary(clause, end)
                        && Find(clause[i..end], occupationsOnly: true) is { } hit)
                    {
                        best = (hit, end);
                    }
                }
                if (best.Occupation is { } occupation)
                {
                    yield return occupation;
                    i = best.End;
                }
                else
                {
                    i++;
                }
            }
        }

        [GeneratedRegex(@"\s*\(([^)]*)\)")] private static partial Regex Bracketed();
    }

    /// <summary>The words of each 细类's definition, main tasks and names (TextAnalyzer terms) → the 细类 holding them.</summary>
    private sealed class DefinitionIndex
    {
        private readonly Dictionary<string, List<(NationalOccupation Occupation, int Count)>> _postings = new(StringComparer.Ordinal);
        private readonly int _documents;

        public DefinitionIndex(IEnumerable<NationalOccupation> occupations)
        {
            foreach (var occupation in occupations)
            {
                _documents++;
                var text = string.Join("。", [occupation.Name, occupation.NameEn, occupation.Definition ?? "", .. occupation.MainTasks]);
                foreach (var group in TextAnalyzer.Terms(text).GroupBy(term => term, StringComparer.Ordinal))
                {
                    if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
                    list.Add((occupation, group.Count()));
                }
            }
        }

        /// <summary>细类 holding every word of the query, the rarer words weighing more (idf), then code order.</summary>
        public IEnumerable<NationalOccupation> Matching(string query)
        {
            var terms = TextAnalyzer.Terms(query).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0 || terms.Exists(term => !_postings.ContainsKey(term))) return [];
            var scores = new Dictionary<NationalOccupation, (int Terms, double Score)>();
            foreach (var term in terms)
            {
                var list = _postings[term];
                var idf = Math.Log(1 + (double)_documents / list.Count);
                foreach (var (occupation, count) in list)
                {
                    var (seen, score) = scores.GetValueOrDefault(occupation);
                    scores[occupation] = (seen + 1, score + idf * count / (count + 1.0));
                }
            }
            return scores.Where(s => s.Value.Terms == terms.Count).OrderByDescending(s => s.Value.Score)
                .ThenBy(s => s.Key.Code, StringComparer.Ordinal).Select(s => s.Key);
        }
    }
}
