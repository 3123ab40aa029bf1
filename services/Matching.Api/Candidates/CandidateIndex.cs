using Matching.Api.Matches;

namespace Matching.Api.Candidates;

/// <summary>
/// Every open posting and every seeker in memory, with inverted lists from skill and occupation concepts to them, so
/// candidate generation touches only what shares a concept with the query. Rebuilt from the store at start-up and kept
/// current from its change feed (<see cref="IndexSynchronizer"/>). Many readers, one writer at a time.
/// Entries are replaced, never mutated: a changed posting gets a new slot and the old one is dead until compaction.
/// </summary>
public sealed class CandidateIndex
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly Side<IndexedPosting> postings = new(GeoCells.Of);
    private readonly Side<IndexedSeeker> seekers = new(null);

    public int PostingCount { get { gate.EnterReadLock(); try { return postings.Live; } finally { gate.ExitReadLock(); } } }
    public int SeekerCount { get { gate.EnterReadLock(); try { return seekers.Live; } finally { gate.ExitReadLock(); } } }

    public void Apply(IEnumerable<IndexedPosting> changed, IEnumerable<IndexedSeeker> changedSeekers, IEnumerable<Guid> removedSeekers)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var seekerId in removedSeekers) seekers.Remove(seekerId);
            foreach (var posting in changed)
            {
                if (posting.Snapshot.ClosedAt is not null) postings.Remove(posting.PostingId);
                else postings.Put(posting.PostingId, posting, posting.Essential.Select(s => s.Id).Concat(posting.Optional.Select(s => s.Id)), posting.Occupations);
            }
            foreach (var seeker in changedSeekers) seekers.Put(seeker.SeekerId, seeker, seeker.Skills, seeker.Occupations);
            postings.CompactIfWorthIt(p => p.Essential.Select(s => s.Id).Concat(p.Optional.Select(s => s.Id)), p => p.Occupations);
            seekers.CompactIfWorthIt(s => s.Skills, s => s.Occupations);
        }
        finally { gate.ExitWriteLock(); }
    }

    public IndexedPosting? FindPosting(Guid postingId)
    {
        gate.EnterReadLock();
        try { return postings.Find(postingId); } finally { gate.ExitReadLock(); }
    }

    public IndexedSeeker? FindSeeker(Guid seekerId)
    {
        gate.EnterReadLock();
        try { return seekers.Find(seekerId); } finally { gate.ExitReadLock(); }
    }

    /// <summary>
    /// Open postings sharing an occupation or skill with the seeker and within reach (the commute limit, or anywhere if
    /// they would relocate), most shared concepts first, at most <paramref name="limit"/>.
    /// </summary>
    public List<IndexedPosting> CandidatesFor(IndexedSeeker seeker, DateTime now, int limit)
    {
        gate.EnterReadLock();
        try
        {
            return postings.Collect(seeker.Skills, seeker.Occupations, limit,
                posting => posting.IsOpenAt(now) && Reach.Of(seeker, posting).Reachable,
                posting => posting.Snapshot.PublishedAt, GeoCells.Around(seeker));
        }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>Seekers sharing an occupation or skill with the posting and able to reach it, most shared concepts first.</summary>
    public List<IndexedSeeker> CandidatesFor(IndexedPosting posting, int limit, Func<IndexedSeeker, bool>? filter = null)
    {
        var skills = posting.Essential.Select(s => s.Id).Concat(posting.Optional.Select(s => s.Id)).ToArray();
        gate.EnterReadLock();
        try
        {
            return seekers.Collect(skills, posting.Occupations, limit,
                seeker => Reach.Of(seeker, posting).Reachable && (filter is null || filter(seeker)),
                seeker => seeker.Snapshot.UpdatedAt);
        }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>Every seeker the predicate selects (campaigns: a key group in some regions).</summary>
    public List<IndexedSeeker> Seekers(Func<IndexedSeeker, bool> predicate)
    {
        gate.EnterReadLock();
        try { return seekers.All().Where(predicate).ToList(); } finally { gate.ExitReadLock(); }
    }

    /// <summary>
    /// One side of the index: entries in slots, and concept → slots lists (skills weigh 1, occupations 3). When entries
    /// have a place (<paramref name="cellOf"/>), lists are also kept per (concept, grid cell), so a query within a
    /// commute reads only the cells it can reach instead of the whole region's list.
    /// </summary>
    private sealed class Side<T>(Func<T, int>? cellOf) where T : class
    {
        private const int SkillWeight = 1, OccupationWeight = 3;
        private readonly List<T?> slots = [];
        private readonly Dictionary<Guid, int> slotOf = [];
        private readonly Dictionary<int, List<int>> bySkill = [];
        private readonly Dictionary<int, List<int>> byOccupation = [];
        private readonly Dictionary<long, List<int>> bySkillInCell = [];
        private readonly Dictionary<long, List<int>> byOccupationInCell = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<int[]> counters = [];
        private int dead;

        public int Live => slotOf.Count;

        public T? Find(Guid id) => slotOf.TryGetValue(id, out var slot) ? slots[slot] : null;

        public IEnumerable<T> All() => slots.OfType<T>();

        public void Put(Guid id, T entry, IEnumerable<int> skills, IEnumerable<int> occupations)
        {
            Remove(id);
            var slot = slots.Count;
            slots.Add(entry);
            slotOf[id] = slot;
            foreach (var skill in skills.Distinct()) Add(bySkill, skill, slot);
            foreach (var occupation in occupations.Distinct()) Add(byOccupation, occupation, slot);
            if (cellOf is null) return;
            var cell = cellOf(entry);
            foreach (var skill in skills.Distinct()) Add(bySkillInCell, GeoCells.Key(skill, cell), slot);
            foreach (var occupation in occupations.Distinct()) Add(byOccupationInCell, GeoCells.Key(occupation, cell), slot);
        }

        public void Remove(Guid id)
        {
            if (!slotOf.Remove(id, out var slot)) return;
            slots[slot] = null;
            dead++;
        }

        public void CompactIfWorthIt(Func<T, IEnumerable<int>> skillsOf, Func<T, IEnumerable<int>> occupationsOf)
        {
            if (dead < 1024 || dead < slotOf.Count / 4) return;
            var live = slotOf.Select(pair => (pair.Key, Entry: slots[pair.Value]!)).ToList();
            slots.Clear(); slotOf.Clear(); bySkill.Clear(); byOccupation.Clear(); bySkillInCell.Clear(); byOccupationInCell.Clear(); dead = 0;
            foreach (var (id, entry) in live) Put(id, entry, skillsOf(entry), occupationsOf(entry));
        }

        public List<T> Collect(int[] skills, int[] occupations, int limit, Func<T, bool> admit, Func<T, DateTime> recency, int[]? cells = null)
        {
            // Counters come back all zero (only touched slots are written, and they are reset): no clearing per query.
            if (!counters.TryTake(out var counts) || counts.Length < slots.Count) counts = new int[Math.Max(slots.Count * 5 / 4, 1024)];
            var touched = new List<int>();
            try
            {
                if (cells is null || cellOf is null)
                {
                    Count(bySkill, skills, SkillWeight, counts, touched);
                    Count(byOccupation, occupations, OccupationWeight, counts, touched);
                }
                else
                {
                    foreach (var cell in cells)
                    {
                        CountIn(bySkillInCell, skills, cell, SkillWeight, counts, touched);
                        CountIn(byOccupationInCell, occupations, cell, OccupationWeight, counts, touched);
                    }
                }
                var admitted = new List<(T Entry, int Count)>(Math.Min(touched.Count, 4 * limit));
                foreach (var slot in touched)
                {
                    if (slots[slot] is { } entry && admit(entry)) admitted.Add((entry, counts[slot]));
                }
                return admitted
                    .OrderByDescending(candidate => candidate.Count).ThenByDescending(candidate => recency(candidate.Entry))
                    .Take(limit).Select(candidate => candidate.Entry).ToList();
            }
            finally
            {
                foreach (var slot in touched) counts[slot] = 0;
                counters.Add(counts);
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

        private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey concept, int slot) where TKey : notnull
        {
            if (!lists.TryGetValue(concept, out var list)) lists[concept] = list = [];
            list.Add(slot);
        }
    }
}
