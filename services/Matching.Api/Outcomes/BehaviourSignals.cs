using Dapper;
using Npgsql;

namespace Matching.Api.Outcomes;

/// <summary>One outcome event as the behaviour signals use it: who acted on which posting, when, and how far it got.</summary>
public readonly record struct OutcomeEvent(Guid SeekerId, Guid PostingId, DateTime At, int Grade);

/// <summary>
/// What seekers' behaviour says about postings, from the outcome events matching stores (<see cref="OutcomeStore"/>):
/// how much attention a posting has had lately (popularity), how long since its last (recency), and which postings
/// the same seekers acted on (item-to-item co-occurrence). Every question is asked "as of" a moment and sees only
/// events before it, so a training query never learns from its own outcome. Refreshed every minute with the last
/// <see cref="Window"/> of events; an immutable snapshot is swapped in, so readers need no lock.
/// </summary>
public sealed class BehaviourSignals
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);
    /// <summary>Popularity counts the events of the last two weeks.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);
    // Bounds on one seeker's co-occurrence walk, so a very popular posting cannot make a request slow.
    private const int MaxNeighbours = 200, MaxHistory = 50;

    /// <summary>Refreshed at least this often; sooner when events are recorded (<see cref="Recorded"/>).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    /// <summary>A burst of events (a busy hour, the demo load) is read in one refresh after this pause, not one per event.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(2);

    private volatile Snapshot current = Snapshot.Empty;
    private readonly SemaphoreSlim recorded = new(0, 1);

    /// <summary>An outcome event was stored: the next refresh comes now rather than at the minute, so a seeker who just
    /// applied finds their list already drawing on it.</summary>
    public void Recorded()
    {
        try { recorded.Release(); }
        catch (SemaphoreFullException) { } // a refresh is already due
    }

    /// <summary>Until events were recorded (then <see cref="Coalesce"/> more) or <see cref="RefreshInterval"/> passed.</summary>
    public async Task UntilRefreshDueAsync(CancellationToken cancellationToken)
    {
        if (await recorded.WaitAsync(RefreshInterval, cancellationToken)) await Task.Delay(Coalesce, cancellationToken);
    }

    public void Replace(IEnumerable<OutcomeEvent> events) => current = Snapshot.Of(events);

    public async Task RefreshAsync(NpgsqlDataSource dataSource, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid SeekerId, Guid PostingId, DateTime At, short Grade)>(new CommandDefinition(
            "SELECT seeker_id, posting_id, occurred_at, grade FROM interactions WHERE occurred_at >= @since",
            new { since = now - Window }, cancellationToken: cancellationToken));
        Replace(rows.Select(row => new OutcomeEvent(row.SeekerId, row.PostingId, DateTime.SpecifyKind(row.At, DateTimeKind.Utc), row.Grade)));
    }

    /// <summary>Signals for nobody: every posting without events, no item-to-item links.</summary>
    public static SeekerBehaviour None(DateTime at) => Snapshot.None(at);

    /// <summary>The signals for one seeker as of <paramref name="at"/>; computed once per ranking request.</summary>
    public SeekerBehaviour For(Guid seekerId, DateTime at) => current.For(seekerId, at);

    /// <summary>The postings the seeker acted on before <paramref name="at"/>, the most recent first, at most <see cref="MaxHistory"/>.</summary>
    public IReadOnlyList<Guid> HistoryOf(Guid seekerId, DateTime at) => current.HistoryOf(seekerId, at);

    internal sealed class Snapshot
    {
        public static readonly Snapshot Empty = Of([]);

        /// <summary>No events at all: a seeker with no behaviour (tests, the cold-start set).</summary>
        public static SeekerBehaviour None(DateTime at) => new(Empty, at, []);

        // Per posting: event times, sorted. Per posting and per seeker: who/what acted (grade ≥ 1), with the first time.
        private readonly Dictionary<Guid, DateTime[]> postingEvents;
        private readonly Dictionary<Guid, (Guid Seeker, DateTime At)[]> seekersOf;
        private readonly Dictionary<Guid, (Guid Posting, DateTime At)[]> historyOf;

        private Snapshot(Dictionary<Guid, DateTime[]> postingEvents, Dictionary<Guid, (Guid, DateTime)[]> seekersOf,
            Dictionary<Guid, (Guid, DateTime)[]> historyOf)
        {
            this.postingEvents = postingEvents;
            this.seekersOf = seekersOf;
            this.historyOf = historyOf;
        }

        public static Snapshot Of(IEnumerable<OutcomeEvent> events)
        {
            var all = events.ToList();
            var positive = all.Where(e => e.Grade >= 1).GroupBy(e => (e.SeekerId, e.PostingId))
                .Select(g => (g.Key.SeekerId, g.Key.PostingId, At: g.Min(e => e.At))).ToList();
            return new Snapshot(
                all.GroupBy(e => e.PostingId).ToDictionary(g => g.Key, g => g.Select(e => e.At).Order().ToArray()),
                positive.GroupBy(e => e.PostingId).ToDictionary(g => g.Key, g => g.Select(e => (e.SeekerId, e.At)).OrderBy(e => e.At).ToArray()),
                positive.GroupBy(e => e.SeekerId).ToDictionary(g => g.Key, g => g.Select(e => (e.PostingId, e.At)).OrderBy(e => e.At).ToArray()));
        }

        public SeekerBehaviour For(Guid seekerId, DateTime at) => new(this, at, CoApplied(seekerId, at));

        public IReadOnlyList<Guid> HistoryOf(Guid seekerId, DateTime at)
        {
            if (!historyOf.TryGetValue(seekerId, out var history)) return [];
            var before = Before(history, at);
            var past = new List<Guid>(Math.Min(before.Length, MaxHistory));
            for (var i = before.Length - 1; i >= 0 && past.Count < MaxHistory; i--) past.Add(before[i].Item1);
            return past;
        }

        /// <summary>
        /// Item-to-item: for each posting the seeker acted on before <paramref name="at"/>, the other postings its other
        /// seekers acted on, each pair weighted by cosine (shared seekers / √(seekers of one × seekers of the other)).
        /// </summary>
        private Dictionary<Guid, float> CoApplied(Guid seekerId, DateTime at)
        {
            var scores = new Dictionary<Guid, float>();
            if (!historyOf.TryGetValue(seekerId, out var history)) return scores;
            foreach (var (posting, when) in history)
            {
                if (when >= at) break;
                var neighbours = Before(seekersOf[posting], at);
                var taken = 0;
                foreach (var (other, _) in neighbours)
                {
                    if (other == seekerId) continue;
                    if (++taken > MaxNeighbours) break;
                    var seen = 0;
                    foreach (var (next, nextAt) in historyOf[other])
                    {
                        if (nextAt >= at || ++seen > MaxHistory) break;
                        if (next == posting) continue;
                        var weight = 1f / MathF.Sqrt(neighbours.Length * (float)Before(seekersOf[next], at).Length);
                        scores[next] = scores.GetValueOrDefault(next) + weight;
                    }
                }
            }
            return scores;
        }

        public int RecentEvents(Guid postingId, DateTime at)
        {
            if (!postingEvents.TryGetValue(postingId, out var times)) return 0;
            return CountBefore(times, at) - CountBefore(times, at - RecentWindow);
        }

        public DateTime? LastEvent(Guid postingId, DateTime at)
        {
            if (!postingEvents.TryGetValue(postingId, out var times)) return null;
            var count = CountBefore(times, at);
            return count == 0 ? null : times[count - 1];
        }

        private static ReadOnlySpan<(Guid, DateTime)> Before((Guid, DateTime)[] sorted, DateTime at)
        {
            var n = 0;
            while (n < sorted.Length && sorted[n].Item2 < at) n++;
            return sorted.AsSpan(0, n);
        }

        private static int CountBefore(DateTime[] sorted, DateTime at)
        {
            var index = Array.BinarySearch(sorted, at);
            if (index < 0) return ~index;
            while (index > 0 && sorted[index - 1] == at) index--;
            return index;
        }
    }

    /// <summary>One seeker's behaviour signals as of a moment: what <see cref="Ranking.RankingFeatures"/> reads per candidate.</summary>
    public sealed class SeekerBehaviour
    {
        private readonly Snapshot snapshot;
        private readonly DateTime at;
        private readonly Dictionary<Guid, float> coApplied;

        internal SeekerBehaviour(Snapshot snapshot, DateTime at, Dictionary<Guid, float> coApplied)
        {
            this.snapshot = snapshot;
            this.at = at;
            this.coApplied = coApplied;
        }

        /// <summary>Whether the seeker has any history the item-to-item score could draw on.</summary>
        public bool HasHistory => coApplied.Count > 0;

        /// <summary>Applications and views of the posting in the last <see cref="RecentWindow"/>.</summary>
        public int RecentEvents(Guid postingId) => snapshot.RecentEvents(postingId, at);

        /// <summary>Days since the posting's last event; null when it has had none.</summary>
        public double? DaysSinceLastEvent(Guid postingId) => snapshot.LastEvent(postingId, at) is { } last ? (at - last).TotalDays : null;

        /// <summary>Every posting the item-to-item walk reached, with its score (the item-kNN baseline ranks these).</summary>
        public IReadOnlyDictionary<Guid, float> CoAppliedPostings => coApplied;

        /// <summary>The item-to-item score of the posting for this seeker (0 when nothing links them).</summary>
        public float CoApplied(Guid postingId) => coApplied.GetValueOrDefault(postingId);
    }
}
