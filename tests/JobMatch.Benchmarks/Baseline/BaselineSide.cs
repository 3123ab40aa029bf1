using Matching.Api.Candidates;

namespace JobMatch.Benchmarks.Baseline;

/// <summary>
/// The baseline copy of CandidateIndex.Side before issue 13's fifth round (see <see cref="BaselineCandidateIndex"/>). One side of the index: entries in slots; concept → slots lists (skills weigh 1, occupations 3); term → (slot,
/// weighted frequency) lists with document frequencies and the total length, for BM25. When entries have a place
/// (postings), lists are kept per (concept or term, grid cell), so a query within a commute reads only the cells it can
/// reach; a query from anywhere reads every cell a term occurs in.
/// </summary>
internal sealed class BaselineSide<T>(
    Func<T, int>? cellOf, Func<T, IEnumerable<int>> skillsOf, Func<T, IEnumerable<int>> occupationsOf, Func<T, LexicalTerms> termsOf)
    where T : class
{
    private const int SkillWeight = 1, OccupationWeight = 3;
    private readonly List<T?> slots = [];
    private readonly Dictionary<Guid, int> slotOf = [];
    private readonly Dictionary<int, List<int>> bySkill = [];
    private readonly Dictionary<int, List<int>> byOccupation = [];
    private readonly Dictionary<long, List<int>> bySkillInCell = [];
    private readonly Dictionary<long, List<int>> byOccupationInCell = [];
    private readonly Dictionary<int, List<Posting>> byTerm = [];          // entries without a place (seekers)
    private readonly Dictionary<long, List<Posting>> byTermInCell = [];   // entries with one (postings)
    private readonly Dictionary<int, List<int>> cellsOfTerm = [];
    private readonly Dictionary<int, List<int>> slotsInCell = [];
    private readonly Dictionary<int, int> documentFrequency = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<int[]> counters = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<float[]> scorers = [];
    private double totalLength;
    private int dead;

    private readonly record struct Posting(int Slot, float Frequency);

    public int Live => slotOf.Count;

    public T? Find(Guid id) => slotOf.TryGetValue(id, out var slot) ? slots[slot] : null;

    public IEnumerable<T> All() => slots.OfType<T>();

    /// <summary>Live entries in the cells (every entry when null), unplaced ones included.</summary>
    public IEnumerable<T> InCells(int[]? cells) =>
        cells is null || cellOf is null ? All()
            : cells.SelectMany(cell => slotsInCell.GetValueOrDefault(cell) ?? []).Select(slot => slots[slot]).OfType<T>();

    public void Put(Guid id, T entry)
    {
        Remove(id);
        var slot = slots.Count;
        slots.Add(entry);
        slotOf[id] = slot;
        var skills = skillsOf(entry).Distinct().ToArray();
        var occupations = occupationsOf(entry).Distinct().ToArray();
        var terms = termsOf(entry);
        foreach (var skill in skills) Add(bySkill, skill, slot);
        foreach (var occupation in occupations) Add(byOccupation, occupation, slot);
        for (var i = 0; i < terms.Terms.Length; i++) documentFrequency[terms.Terms[i]] = documentFrequency.GetValueOrDefault(terms.Terms[i]) + 1;
        totalLength += terms.Length;
        if (cellOf is null)
        {
            for (var i = 0; i < terms.Terms.Length; i++) Add(byTerm, terms.Terms[i], new Posting(slot, terms.Frequencies[i]));
            return;
        }
        var cell = cellOf(entry);
        Add(slotsInCell, cell, slot);
        foreach (var skill in skills) Add(bySkillInCell, GeoCells.Key(skill, cell), slot);
        foreach (var occupation in occupations) Add(byOccupationInCell, GeoCells.Key(occupation, cell), slot);
        for (var i = 0; i < terms.Terms.Length; i++)
        {
            var key = GeoCells.Key(terms.Terms[i], cell);
            if (!byTermInCell.ContainsKey(key)) Add(cellsOfTerm, terms.Terms[i], cell);
            Add(byTermInCell, key, new Posting(slot, terms.Frequencies[i]));
        }
    }

    public void Remove(Guid id)
    {
        if (!slotOf.Remove(id, out var slot)) return;
        var terms = termsOf(slots[slot]!);
        foreach (var term in terms.Terms) documentFrequency[term]--;
        totalLength -= terms.Length;
        slots[slot] = null;
        dead++;
    }

    public void CompactIfWorthIt()
    {
        if (dead < 1024 || dead < slotOf.Count / 4) return;
        var live = slotOf.Select(pair => (pair.Key, Entry: slots[pair.Value]!)).ToList();
        slots.Clear(); slotOf.Clear(); bySkill.Clear(); byOccupation.Clear(); bySkillInCell.Clear(); byOccupationInCell.Clear();
        byTerm.Clear(); byTermInCell.Clear(); cellsOfTerm.Clear(); slotsInCell.Clear(); documentFrequency.Clear();
        totalLength = 0; dead = 0;
        foreach (var (id, entry) in live) Put(id, entry);
    }

    public List<Candidate<T>> Collect(
        int[] skills, int[] occupations, LexicalTerms words, int limit, Func<T, bool> admit, Func<T, DateTime> recency, int[]? cells = null)
    {
        // Counters and scores come back all zero (only touched slots are written, and they are reset): no clearing per query.
        if (!counters.TryTake(out var counts) || counts.Length < slots.Count) counts = new int[Math.Max(slots.Count * 5 / 4, 1024)];
        if (!scorers.TryTake(out var scores) || scores.Length < slots.Count) scores = new float[Math.Max(slots.Count * 5 / 4, 1024)];
        var touched = new List<int>();
        var scored = new List<int>();
        try
        {
            CountConcepts(skills, occupations, cells, counts, touched);
            Score(words, cells, scores, scored);
            var shared = new List<(T Entry, int Slot)>(Math.Min(touched.Count, 4 * limit));
            foreach (var slot in touched)
            {
                if (slots[slot] is { } entry && admit(entry)) shared.Add((entry, slot));
            }
            var result = shared
                .OrderByDescending(candidate => counts[candidate.Slot]).ThenByDescending(candidate => recency(candidate.Entry))
                .Take(limit)
                .Select(candidate => new Candidate<T>(candidate.Entry, counts[candidate.Slot], scores[candidate.Slot], CandidatePath.SharedConcept))
                .ToList();
            var wordsOnly = new List<(T Entry, int Slot)>();
            foreach (var slot in scored)
            {
                if (counts[slot] == 0 && slots[slot] is { } entry && admit(entry)) wordsOnly.Add((entry, slot));
            }
            result.AddRange(wordsOnly
                .OrderByDescending(candidate => scores[candidate.Slot]).ThenByDescending(candidate => recency(candidate.Entry))
                .Take(Math.Max(limit / BaselineCandidateIndex.LexicalShare, 1))
                .Select(candidate => new Candidate<T>(candidate.Entry, 0, scores[candidate.Slot], CandidatePath.WordsInCommon)));
            return result;
        }
        finally
        {
            foreach (var slot in touched) counts[slot] = 0;
            foreach (var slot in scored) scores[slot] = 0;
            counters.Add(counts);
            scorers.Add(scores);
        }
    }

    private void CountConcepts(int[] skills, int[] occupations, int[]? cells, int[] counts, List<int> touched)
    {
        if (cells is null || cellOf is null)
        {
            Count(bySkill, skills, SkillWeight, counts, touched);
            Count(byOccupation, occupations, OccupationWeight, counts, touched);
            return;
        }
        foreach (var cell in cells)
        {
            CountIn(bySkillInCell, skills, cell, SkillWeight, counts, touched);
            CountIn(byOccupationInCell, occupations, cell, OccupationWeight, counts, touched);
        }
    }

    /// <summary>
    /// <see cref="Bm25"/> of every entry sharing a word with the query, each query word weighted by its field weight
    /// relative to the query's heaviest; idf from the live document frequencies.
    /// </summary>
    private void Score(LexicalTerms words, int[]? cells, float[] scores, List<int> scored)
    {
        if (words.IsEmpty || Live == 0) return;
        var averageLength = (float)Math.Max(totalLength / Live, 1);
        var heaviest = words.Frequencies.Max();
        for (var q = 0; q < words.Terms.Length; q++)
        {
            var term = words.Terms[q];
            var df = documentFrequency.GetValueOrDefault(term);
            if (df <= 0) continue;
            var weight = Bm25.Idf(Live, df) * words.Frequencies[q] / heaviest;
            if (cellOf is null)
            {
                if (byTerm.TryGetValue(term, out var list)) Accumulate(list, weight, averageLength, scores, scored);
                continue;
            }
            foreach (var cell in cells ?? (IEnumerable<int>?)cellsOfTerm.GetValueOrDefault(term) ?? [])
            {
                if (byTermInCell.TryGetValue(GeoCells.Key(term, cell), out var list)) Accumulate(list, weight, averageLength, scores, scored);
            }
        }
    }

    /// <summary>One entry's BM25 against the query, as <see cref="Collect"/> would score it (same idf, length and query weights).</summary>
    public float ScoreOf(LexicalTerms words, T entry)
    {
        if (words.IsEmpty || Live == 0) return 0;
        var document = termsOf(entry);
        var averageLength = (float)Math.Max(totalLength / Live, 1);
        var heaviest = words.Frequencies.Max();
        var score = 0f;
        for (int q = 0, d = 0; q < words.Terms.Length && d < document.Terms.Length;)
        {
            if (words.Terms[q] < document.Terms[d]) { q++; continue; }
            if (words.Terms[q] > document.Terms[d]) { d++; continue; }
            var df = Math.Max(documentFrequency.GetValueOrDefault(words.Terms[q]), 1);
            score += Bm25.Idf(Live, df) * words.Frequencies[q] / heaviest * Bm25.Saturation(document.Frequencies[d], document.Length, averageLength);
            q++; d++;
        }
        return score;
    }

    private void Accumulate(List<Posting> list, float weight, float averageLength, float[] scores, List<int> scored)
    {
        foreach (var (slot, frequency) in list)
        {
            if (slots[slot] is not { } entry) continue;
            var length = termsOf(entry).Length;
            if (scores[slot] == 0) scored.Add(slot);
            scores[slot] += weight * Bm25.Saturation(frequency, length, averageLength);
        }
    }

    private static void Count(Dictionary<int, List<int>> lists, int[] concepts, int weight, int[] counts, List<int> touched)
    {
        foreach (var concept in concepts)
        {
            if (!lists.TryGetValue(concept, out var list)) continue;
            foreach (var slot in list)
            {
                if (counts[slot] == 0) touched.Add(slot);
                counts[slot] += weight;
            }
        }
    }

    private static void CountIn(Dictionary<long, List<int>> lists, int[] concepts, int cell, int weight, int[] counts, List<int> touched)
    {
        foreach (var concept in concepts)
        {
            if (!lists.TryGetValue(GeoCells.Key(concept, cell), out var list)) continue;
            foreach (var slot in list)
            {
                if (counts[slot] == 0) touched.Add(slot);
                counts[slot] += weight;
            }
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> lists, TKey key, TValue value) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(value);
    }
}
