namespace Matching.Taxonomy;

/// <summary>How a label names its concept; lower wins when several concepts share a normalised label.</summary>
internal enum LabelRank : byte
{
    Alias = 0,       // Data/aliases.tsv: curated, wins over everything
    Preferred = 1,   // ESCO preferred label, our Chinese label
    ZhAlias = 2,     // our Chinese aliases
    EscoAlt = 3,     // ESCO altLabels (synonyms)
    EscoHidden = 4,  // ESCO hiddenLabels (misspellings, old names)
}

internal readonly record struct LabelEntry(string Key, int Concept, LabelRank Rank, bool Extractable);

/// <summary>
/// Normalised label → concepts. Find is one dictionary lookup. Extract is leftmost-longest matching inside free text
/// without allocating: Chinese (no spaces) character by character, pruned by the set of prefixes of the Chinese
/// keys; English by word n-grams, pruned by the set of first words. Suggest uses a sorted key array built on first use.
/// </summary>
internal sealed class LabelIndex
{
    private const int MaxLatinWords = 12;

    private readonly string[] _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _entryStart;   // entries of key k: [_entryStart[k], _entryStart[k + 1]), best first
    private readonly int[] _entryConcept;
    private readonly LabelRank[] _entryRank;
    private readonly int[] _extractOccupation; // the concept a key names in free text, or -1 (none or ambiguous)
    private readonly int[] _extractSkill;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _cjkPrefixes; // prefixes of extractable keys with CJK
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstWords; // first word → most words, Latin keys
    private readonly Lazy<int[]> _sorted;

    /// <param name="entries">Every label, best first among equal ranks (the caller's order breaks ties).</param>
    /// <param name="kindOf">The kind of a concept id.</param>
    public LabelIndex(List<LabelEntry> entries, Func<int, ConceptKind> kindOf)
    {
        // Group by key, keeping the caller's order; chains through `next` avoid a list per key.
        var keyIds = new Dictionary<string, int>(entries.Count / 2, StringComparer.Ordinal);
        var keys = new List<string>();
        var head = new List<int>();
        var tail = new List<int>();
        var next = new int[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            next[e] = -1;
            if (keyIds.TryGetValue(entries[e].Key, out var k))
            {
                next[tail[k]] = e;
                tail[k] = e;
            }
            else
            {
                keyIds.Add(entries[e].Key, keys.Count);
                keys.Add(entries[e].Key);
                head.Add(e);
                tail.Add(e);
            }
        }

        _keys = [.. keys];
        _entryStart = new int[_keys.Length + 1];
        _entryConcept = new int[entries.Count];
        _entryRank = new LabelRank[entries.Count];
        _extractOccupation = new int[_keys.Length];
        _extractSkill = new int[_keys.Length];
        var cjkPrefixes = new HashSet<string>(StringComparer.Ordinal);
        var firstWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var group = new List<LabelEntry>();
        var written = 0;
        for (var k = 0; k < _keys.Length; k++)
        {
            group.Clear();
            for (var e = head[k]; e >= 0; e = next[e])
            {
                group.Add(entries[e]);
            }

            // Stable by rank; a concept named twice by one key keeps its best rank.
            var ordered = group.Count == 1 ? group : [.. group.OrderBy(entry => entry.Rank)];
            _entryStart[k] = written;
            int occupation = -1, skill = -1;
            bool occupationAmbiguous = false, skillAmbiguous = false;
            LabelRank occupationRank = default, skillRank = default;
            foreach (var entry in ordered)
            {
                if (Array.IndexOf(_entryConcept, entry.Concept, _entryStart[k], written - _entryStart[k]) >= 0)
                {
                    continue;
                }

                _entryConcept[written] = entry.Concept;
                _entryRank[written] = entry.Rank;
                written++;
                if (!entry.Extractable)
                {
                    continue;
                }

                if (kindOf(entry.Concept) == ConceptKind.Occupation)
                {
                    Pick(ref occupation, ref occupationRank, ref occupationAmbiguous, entry);
                }
                else
                {
                    Pick(ref skill, ref skillRank, ref skillAmbiguous, entry);
                }
            }

            _extractOccupation[k] = occupationAmbiguous ? -1 : occupation;
            _extractSkill[k] = skillAmbiguous ? -1 : skill;
            if (_extractOccupation[k] >= 0 || _extractSkill[k] >= 0)
            {
                var key = _keys[k];
                if (TaxonomyText.ContainsCjk(key))
                {
                    for (var length = 1; length <= key.Length; length++)
                    {
                        cjkPrefixes.Add(key[..length]);
                    }
                }
                else
                {
                    var space = key.IndexOf(' ', StringComparison.Ordinal);
                    var first = space < 0 ? key : key[..space];
                    var words = key.Count(c => c == ' ') + 1;
                    if (words <= MaxLatinWords)
                    {
                        firstWords[first] = Math.Max(words, firstWords.GetValueOrDefault(first));
                    }
                }
            }
        }

        _entryStart[_keys.Length] = written;
        _lookup = keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _cjkPrefixes = cjkPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _sorted = new Lazy<int[]>(() =>
        {
            var order = Enumerable.Range(0, _keys.Length).ToArray();
            Array.Sort((string[])_keys.Clone(), order, StringComparer.Ordinal);
            return order;
        });
    }

    public int KeyCount => _keys.Length;

    public IReadOnlyList<string> Keys => _keys;

    /// <summary>
    /// A synonym shared by several concepts of one kind (ESCO's "ICT", "CFO") names none of them in free text; a
    /// curated alias, preferred or Chinese label still wins outright.
    /// </summary>
    private static void Pick(ref int best, ref LabelRank bestRank, ref bool ambiguous, LabelEntry entry)
    {
        if (best < 0)
        {
            best = entry.Concept;
            bestRank = entry.Rank;
        }
        else if (entry.Rank == bestRank && bestRank >= LabelRank.EscoAlt)
        {
            ambiguous = true;
        }
    }

    /// <summary>The best concept (of <paramref name="kind"/>) a whole normalised key names by a label ranked at most <paramref name="worst"/>, or -1.</summary>
    public int Find(string key, ConceptKind? kind, Func<int, ConceptKind> kindOf, LabelRank worst = LabelRank.EscoHidden)
    {
        if (!_lookup.TryGetValue(key.AsSpan(), out var k))
        {
            return -1;
        }

        for (var e = _entryStart[k]; e < _entryStart[k + 1]; e++)
        {
            if (_entryRank[e] <= worst && (kind is null || kindOf(_entryConcept[e]) == kind))
            {
                return _entryConcept[e];
            }
        }

        return -1;
    }

    /// <summary>Leftmost-longest matching of keys inside one normalised clause; adds concept ids in text order.</summary>
    public void Extract(string s, ConceptKind? kind, List<int> found)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (!IsStart(s, i))
            {
                i++;
                continue;
            }

            var (key, end) = LongestCjk(s, i, kind);
            if (!TaxonomyText.IsCjk(s[i]))
            {
                var (latinKey, latinEnd) = LongestLatin(s, i, kind);
                if (latinEnd > end)
                {
                    (key, end) = (latinKey, latinEnd);
                }
            }

            if (key < 0)
            {
                i++;
                continue;
            }

            Add(kind is null or ConceptKind.Occupation ? _extractOccupation[key] : -1, found);
            Add(kind is null or ConceptKind.Skill ? _extractSkill[key] : -1, found);
            i = end;
        }
    }

    private static void Add(int concept, List<int> found)
    {
        if (concept >= 0 && !found.Contains(concept))
        {
            found.Add(concept);
        }
    }

    private bool Names(int key, ConceptKind? kind) =>
        ((kind is null or ConceptKind.Occupation) && _extractOccupation[key] >= 0)
        || ((kind is null or ConceptKind.Skill) && _extractSkill[key] >= 0);

    /// <summary>The longest key containing Chinese characters that starts at <paramref name="i"/>, walking prefixes.</summary>
    private (int Key, int End) LongestCjk(string s, int i, ConceptKind? kind)
    {
        var best = (Key: -1, End: -1);
        for (var end = i + 1; end <= s.Length && _cjkPrefixes.Contains(s.AsSpan(i, end - i)); end++)
        {
            if (IsEnd(s, end) && _lookup.TryGetValue(s.AsSpan(i, end - i), out var k) && Names(k, kind))
            {
                best = (k, end);
            }
        }

        return best;
    }

    /// <summary>The longest Latin key (whole words) that starts at <paramref name="i"/>.</summary>
    private (int Key, int End) LongestLatin(string s, int i, ConceptKind? kind)
    {
        Span<int> ends = stackalloc int[MaxLatinWords];
        var count = 0;
        var j = i;
        while (count < MaxLatinWords)
        {
            while (j < s.Length && s[j] != ' ' && !TaxonomyText.IsCjk(s[j]))
            {
                j++;
            }

            ends[count++] = j;
            if (j >= s.Length || s[j] != ' ')
            {
                break;
            }

            j++;
        }

        if (!_firstWords.TryGetValue(s.AsSpan(i, ends[0] - i), out var words))
        {
            return (-1, -1);
        }

        for (var w = Math.Min(words, count); w >= 1; w--)
        {
            if (_lookup.TryGetValue(s.AsSpan(i, ends[w - 1] - i), out var k) && Names(k, kind))
            {
                return (k, ends[w - 1]);
            }
        }

        return (-1, -1);
    }

    private static bool IsStart(string s, int i) =>
        s[i] != ' ' && (i == 0 || s[i - 1] == ' ' || TaxonomyText.IsCjk(s[i - 1]) || TaxonomyText.IsCjk(s[i]));

    private static bool IsEnd(string s, int j) =>
        s[j - 1] != ' ' && (j == s.Length || s[j] == ' ' || TaxonomyText.IsCjk(s[j]) || TaxonomyText.IsCjk(s[j - 1]));

    /// <summary>
    /// Concepts with a key starting with <paramref name="prefix"/>: exact matches first, then <paramref name="favoured"/>
    /// concepts (our labour market's), then by label rank and key length.
    /// </summary>
    public List<int> Prefixed(string prefix, ConceptKind? kind, Func<int, ConceptKind> kindOf, Func<int, bool> favoured, int limit)
    {
        var sorted = _sorted.Value;
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(_keys[sorted[mid]], prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var best = new Dictionary<int, (int Exact, int Favoured, LabelRank Rank, int Length)>();
        const int MaxKeysScanned = 50_000;
        for (var at = low; at < sorted.Length && at - low < MaxKeysScanned; at++)
        {
            var key = _keys[sorted[at]];
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            var exact = key.Length == prefix.Length ? 0 : 1;
            for (var e = _entryStart[sorted[at]]; e < _entryStart[sorted[at] + 1]; e++)
            {
                var concept = _entryConcept[e];
                if (kind is not null && kindOf(concept) != kind)
                {
                    continue;
                }

                var score = (exact, favoured(concept) ? 0 : 1, _entryRank[e], key.Length);
                if (!best.TryGetValue(concept, out var current) || score.CompareTo(current) < 0)
                {
                    best[concept] = score;
                }
            }
        }

        return best.OrderBy(pair => pair.Value).ThenBy(pair => pair.Key).Take(limit).Select(pair => pair.Key).ToList();
    }
}
