namespace Matching.Evaluation;

/// <summary>One test seeker: when they started looking after the cutoff, what they went on to do, and what they had already done.</summary>
public sealed record TestQuery(EvaluationSeeker Seeker, DateTime At, IReadOnlyDictionary<Guid, int> Relevant, IReadOnlySet<Guid> SeenBefore);

/// <summary>
/// Splits interactions by time: those before <see cref="Cutoff"/> are for training (and popularity, and employers'
/// response rates), those from it on are for testing. A test seeker is asked at their first test interaction; the
/// postings they then went on to apply to (grade ≥ 1, best grade reached) and that were open at that moment are the
/// relevant ones. Postings they had already acted on before the cutoff are left out of both the ranking and the truth.
/// </summary>
public sealed class TimeSplit
{
    public required DateTime Cutoff { get; init; }
    public required IReadOnlyList<Interaction> Train { get; init; }
    public required IReadOnlyList<Interaction> Test { get; init; }
    public required IReadOnlyList<TestQuery> Queries { get; init; }
    /// <summary>Relevant postings dropped because they were not yet open at the seeker's query time.</summary>
    public required int RelevantNotYetOpen { get; init; }

    public static TimeSplit Of(EvaluationDataset dataset, double trainFraction)
    {
        if (!(trainFraction > 0 && trainFraction < 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The split is in (0, 1).");
        var ordered = dataset.Interactions.OrderBy(i => i.OccurredAt).ToList();
        if (ordered.Count < 2) throw new InvalidDataException("At least two interactions are needed to split by time.");
        var cutoff = ordered[Math.Clamp((int)(ordered.Count * trainFraction), 1, ordered.Count - 1)].OccurredAt;
        var train = ordered.Where(i => i.OccurredAt < cutoff).ToList();
        var test = ordered.Where(i => i.OccurredAt >= cutoff).ToList();

        var postings = dataset.Postings.ToDictionary(p => p.Snapshot.PostingId, p => p.Snapshot);
        var seekers = dataset.Seekers.ToDictionary(s => s.Snapshot.SeekerId);
        var seenBefore = train.GroupBy(i => i.SeekerId).ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(i => i.PostingId).ToHashSet());
        var queries = new List<TestQuery>();
        var notYetOpen = 0;
        foreach (var group in test.GroupBy(i => i.SeekerId))
        {
            if (!seekers.TryGetValue(group.Key, out var seeker)) continue;
            var at = group.Min(i => i.OccurredAt);
            var seen = seenBefore.GetValueOrDefault(group.Key) ?? new HashSet<Guid>();
            var relevant = new Dictionary<Guid, int>();
            foreach (var posting in group.Where(i => !seen.Contains(i.PostingId)).GroupBy(i => i.PostingId))
            {
                var grade = posting.Max(i => i.Grade);
                if (grade < 1 || !postings.TryGetValue(posting.Key, out var snapshot)) continue;
                if (SyntheticDataset.OpenAt(snapshot, at)) relevant[posting.Key] = grade;
                else notYetOpen++;
            }
            if (relevant.Count > 0) queries.Add(new TestQuery(seeker, at, relevant, seen));
        }
        return new TimeSplit
        {
            Cutoff = cutoff, Train = train, Test = test, Queries = [.. queries.OrderBy(q => q.At).ThenBy(q => q.Seeker.Snapshot.SeekerId)],
            RelevantNotYetOpen = notYetOpen,
        };
    }
}
