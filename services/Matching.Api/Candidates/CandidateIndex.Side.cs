namespace Matching.Api.Candidates;

/// <summary>
/// One side of the index: entries in slots; concept → slots lists (skills weigh 1, occupations 3); term → (slot,
/// weighted frequency) lists with document frequencies and the total length, for BM25. When entries have a place
/// (postings), lists are kept per (concept or term, grid cell), so a query within a commute reads only the cells it can
/// reach; a query from anywhere reads every cell a term occurs in.
/// </summary>
internal sealed class Side<T>(
    Func<T, int>? cellOf, Func<T, IEnumerable<int>> skillsOf, Func<T, IEnumerable<int>> occupationsOf, Func<T, LexicalTerms> termsOf,
    Func<T, DateTime> recencyOf)
    where T : class
{
    private const int SkillWeight = 1, OccupationWeight = 3;

    /// <summary>
    /// How many word-list entries one query reads at most. At 300,000 synthetic postings a query within a commute reads
    /// up to about 100,000 (none of 272 sampled lists is capped); one from anywhere about 600,000, mostly of words so
    /// common they barely discriminate, so the rarest are read first (docs/benchmarks.md, issue 13 fifth round).
    /// </summary>
    private const int WordReadBudget = CandidateIndex.WordReadBudget;

    /// <summary>When the word lists are capped, how many times the words-only budget are preselected by their partial
    /// score and rescored in full.</summary>
    private const int Rescored = 2;
    private readonly List<T?> slots = [];
    private readonly Dictionary<Guid, int> slotOf = [];
    private readonly Dictionary<int, List<int>> bySkill = [];
    private readonly Dictionary<int, List<int>> byOccupation = [];
    private readonly Dictionary<long, List<int>> bySkillInCell = [];
    private readonly Dictionary<long, List<int>> byOccupationInCell = [];
    private readonly Dictionary<int, List<Posting>> byTerm = [];          // entries without a place (seekers)
    private readonly Dictionary<long, List<Posting>> byTermInCell = [];   // entries with one (postings)
    private readonly Dictionary<int, List<List<Posting>>> listsOfTerm = [];   // a term's per-cell lists, for queries from anywhere
    private readonly Dictionary<int, List<int>> slotsInCell = [];
    private readonly Dictionary<int, int> documentFrequency = [];
    private readonly List<float> lengths = [];      // per slot: the entry's weighted term count (BM25 reads it per posting)
    private readonly List<long> recencies = [];     // per slot: the entry's recency in ticks (the tie-break of the order)
    private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> scratches = [];
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
        lengths.Add(terms.Length);
        recencies.Add(recencyOf(entry).Ticks);
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
            if (!byTermInCell.TryGetValue(key, out var list))
            {
                byTermInCell[key] = list = [];
                Add(listsOfTerm, terms.Terms[i], list);
            }
            list.Add(new Posting(slot, terms.Frequencies[i]));
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
        slots.Clear(); slotOf.Clear(); lengths.Clear(); recencies.Clear(); bySkill.Clear(); byOccupation.Clear(); bySkillInCell.Clear(); byOccupationInCell.Clear();
        byTerm.Clear(); byTermInCell.Clear(); listsOfTerm.Clear(); slotsInCell.Clear(); documentFrequency.Clear();
        totalLength = 0; dead = 0;
        foreach (var (id, entry) in live) Put(id, entry);
    }

    /// <summary>
    /// Entries sharing a concept with the query, most shared concepts first (then most recent, then first found), the
    /// first <paramref name="limit"/> the predicate admits; then up to a quarter as many sharing only words, best BM25
    /// first. The lists in reach are read into pooled per-slot counters; the order is then chosen by a heap over the
    /// touched slots, so only what is taken (and what is refused on the way) is admitted, and nothing is sorted in full.
    /// When the word lists in reach are longer than <see cref="WordReadBudget"/> (a query from anywhere against a large
    /// index), the rarest words are read first up to the budget, the words-only candidates are chosen from the best
    /// <see cref="Rescored"/> times as many by that partial score, and every candidate's score is then its full BM25.
    /// </summary>
    public List<Candidate<T>> Collect(
        int[] skills, int[] occupations, LexicalTerms words, int limit, Func<T, bool> admit, int[]? cells = null)
    {
        // Counters and scores come back all zero (only touched slots are written, and they are reset): no clearing per query.
        if (!scratches.TryTake(out var scratch)) scratch = new Scratch();
        scratch.EnsureSlots(slots.Count);
        var (counts, scores, touched, scored) = (scratch.Counts, scratch.Scores, scratch.Touched, scratch.Scored);
        try
        {
            CountConcepts(skills, occupations, cells, counts, touched);
            var weights = Weights(words);
            var capped = Score(words, weights, cells, scratch);
            var lexical = Math.Max(limit / CandidateIndex.LexicalShare, 1);
            var result = new List<Candidate<T>>(Math.Min(touched.Count, limit) + Math.Min(scored.Count, lexical));
            foreach (var (entry, slot) in Best(scratch, touched, slot => counts[slot], limit, admit))
                result.Add(new Candidate<T>(entry, counts[slot], capped ? ScoreOf(words, weights, entry) : scores[slot], CandidatePath.SharedConcept));
            scratch.WordsOnly.Clear();
            foreach (var slot in scored)
            {
                if (counts[slot] == 0) scratch.WordsOnly.Add(slot);
            }
            var wordsOnly = Best(scratch, scratch.WordsOnly, slot => scores[slot], capped ? Rescored * lexical : lexical, admit);
            if (capped) wordsOnly = Rescore(wordsOnly, words, weights, scratch).Take(lexical).ToList();
            foreach (var (entry, slot) in wordsOnly)
                result.Add(new Candidate<T>(entry, 0, scores[slot], CandidatePath.WordsInCommon));
            return result;
        }
        finally
        {
            foreach (var slot in touched) counts[slot] = 0;
            foreach (var slot in scored) scores[slot] = 0;
            touched.Clear();
            scored.Clear();
            scratches.Add(scratch);
        }
    }

    /// <summary>The preselected words-only candidates with their full BM25 in <c>scores</c>, in the candidate order.</summary>
    private List<(T Entry, int Slot)> Rescore(List<(T Entry, int Slot)> preselected, LexicalTerms words, float[] weights, Scratch scratch)
    {
        var heap = scratch.Heap(preselected.Count);
        for (var i = 0; i < preselected.Count; i++)
        {
            var (entry, slot) = preselected[i];
            scratch.Scores[slot] = ScoreOf(words, weights, entry);
            heap[i] = new Ranked(scratch.Scores[slot], recencies[slot], i, slot);
        }
        var size = preselected.Count;
        Heaps.Build(heap, size);
        var ordered = new List<(T, int)>(size);
        while (size > 0)
        {
            var best = Heaps.Pop(heap, ref size);
            ordered.Add(preselected[best.Position]);
        }
        return ordered;
    }

    /// <summary>
    /// The first <paramref name="take"/> admitted entries of <paramref name="found"/> in the order (score descending,
    /// recency descending, position in <paramref name="found"/>) — what a stable sort by score then recency would give —
    /// by heapifying the slots and popping until enough are admitted: O(n + k log n), and the predicate sees only those popped.
    /// </summary>
    private List<(T Entry, int Slot)> Best(Scratch scratch, List<int> found, Func<int, float> score, int take, Func<T, bool> admit)
    {
        var chosen = new List<(T, int)>(Math.Min(take, found.Count));
        var heap = scratch.Heap(found.Count);
        var size = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var slot = found[i];
            if (slots[slot] is null) continue;
            heap[size++] = new Ranked(score(slot), recencies[slot], i, slot);
        }
        Heaps.Build(heap, size);
        while (size > 0 && chosen.Count < take)
        {
            var best = Heaps.Pop(heap, ref size);
            if (slots[best.Slot] is { } entry && admit(entry)) chosen.Add((entry, best.Slot));
        }
        return chosen;
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
    /// relative to the query's heaviest; idf from the live document frequencies. Returns whether the lists in reach
    /// were longer than the budget, so only the rarest words' lists were read (the scores are then partial).
    /// </summary>
    private bool Score(LexicalTerms words, float[] weights, int[]? cells, Scratch scratch)
    {
        if (words.IsEmpty || Live == 0) return false;
        var averageLength = AverageLength;
        var reads = scratch.Reads;
        reads.Clear();
        var terms = new List<(int Query, int DocumentFrequency)>(words.Terms.Length);
        long length = 0;
        for (var q = 0; q < words.Terms.Length; q++)
        {
            if (weights[q] == 0) continue;
            terms.Add((q, documentFrequency[words.Terms[q]]));
            foreach (var list in ListsInReach(words.Terms[q], cells))
            {
                reads.Add(new Read(q, list));
                length += list.Count;
            }
        }
        var capped = length > WordReadBudget;
        if (!capped)
        {
            foreach (var (q, list) in reads) Accumulate(list, weights[q], averageLength, scratch.Scores, scratch.Scored);
            return false;
        }
        // Too long to read whole: the rarest words first (the most discriminating), until the budget is spent.
        terms.Sort((x, y) => x.DocumentFrequency != y.DocumentFrequency ? x.DocumentFrequency.CompareTo(y.DocumentFrequency) : x.Query.CompareTo(y.Query));
        long walked = 0;
        foreach (var (q, _) in terms)
        {
            foreach (var list in ListsInReach(words.Terms[q], cells))
            {
                Accumulate(list, weights[q], averageLength, scratch.Scores, scratch.Scored);
                walked += list.Count;
            }
            if (walked >= WordReadBudget) break;
        }
        return true;
    }

    /// <summary>Each query word's weight: its idf times its field weight relative to the query's heaviest (0 for a word no live entry has).</summary>
    private float[] Weights(LexicalTerms words)
    {
        if (words.IsEmpty || Live == 0) return [];
        var heaviest = words.Frequencies.Max();
        var weights = new float[words.Terms.Length];
        for (var q = 0; q < words.Terms.Length; q++)
        {
            var df = documentFrequency.GetValueOrDefault(words.Terms[q]);
            if (df > 0) weights[q] = Bm25.Idf(Live, df) * words.Frequencies[q] / heaviest;
        }
        return weights;
    }

    /// <summary>A term's lists a query reads: the one list (entries without a place), those of the cells in reach, or every cell's.</summary>
    private IEnumerable<List<Posting>> ListsInReach(int term, int[]? cells)
    {
        if (cellOf is null)
        {
            if (byTerm.TryGetValue(term, out var list)) yield return list;
            yield break;
        }
        if (cells is null)
        {
            foreach (var list in listsOfTerm.GetValueOrDefault(term) ?? []) yield return list;
            yield break;
        }
        foreach (var cell in cells)
        {
            if (byTermInCell.TryGetValue(GeoCells.Key(term, cell), out var list)) yield return list;
        }
    }

    /// <summary>One list a query reads, with the query word it is for.</summary>
    private readonly record struct Read(int Query, List<Posting> List);

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

    /// <summary>A live entry's BM25 with the query's weights: the same sum, in the same order, as reading its lists gives.</summary>
    private float ScoreOf(LexicalTerms words, float[] weights, T entry)
    {
        var document = termsOf(entry);
        var averageLength = AverageLength;
        var score = 0f;
        for (int q = 0, d = 0; q < words.Terms.Length && d < document.Terms.Length;)
        {
            if (words.Terms[q] < document.Terms[d]) { q++; continue; }
            if (words.Terms[q] > document.Terms[d]) { d++; continue; }
            score += weights[q] * Bm25.Saturation(document.Frequencies[d], document.Length, averageLength);
            q++; d++;
        }
        return score;
    }

    private float AverageLength => (float)Math.Max(totalLength / Live, 1);

    private void Accumulate(List<Posting> list, float weight, float averageLength, float[] scores, List<int> scored)
    {
        foreach (var (slot, frequency) in list)
        {
            if (slots[slot] is null) continue;
            if (scores[slot] == 0) scored.Add(slot);
            scores[slot] += weight * Bm25.Saturation(frequency, lengths[slot], averageLength);
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

    /// <summary>One request's working memory, pooled: per-slot counters and scores (all zero between requests), the
    /// slots touched, and the heap the order is chosen from.</summary>
    private sealed class Scratch
    {
        public int[] Counts { get; private set; } = [];
        public float[] Scores { get; private set; } = [];
        public List<int> Touched { get; } = [];
        public List<int> Scored { get; } = [];
        public List<int> WordsOnly { get; } = [];
        public List<Read> Reads { get; } = [];
        private Ranked[] heap = [];

        public void EnsureSlots(int count)
        {
            if (Counts.Length >= count) return;
            var size = Math.Max(count * 5 / 4, 1024);
            (Counts, Scores) = (new int[size], new float[size]);
        }

        public Ranked[] Heap(int count)
        {
            if (heap.Length < count) heap = new Ranked[Math.Max(count * 5 / 4, 1024)];
            return heap;
        }
    }
}
