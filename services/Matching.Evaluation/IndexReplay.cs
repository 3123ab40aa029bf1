using Matching.Api.Candidates;
using Matching.Api.ReadModel;

namespace Matching.Evaluation;

/// <summary>
/// A <see cref="CandidateIndex"/> moved forward through time as the service's would be: a posting enters when it is
/// published (not yet knowing when it will close) and leaves when it is closed; expiry is the index's own check.
/// </summary>
public sealed class IndexReplay
{
    private readonly (DateTime At, IndexedPosting Posting)[] events;
    private int next;
    private DateTime position = DateTime.MinValue;

    public IndexReplay(IReadOnlyList<EvaluationPosting> postings, ConceptVocabulary vocabulary)
    {
        var published = postings.Select(p => (p.Snapshot.PublishedAt, IndexedPosting.From(SyntheticDataset.Retimed(p.Snapshot, p.Snapshot.PublishedAt, p.Snapshot.ValidUntil, null), vocabulary)));
        var closed = postings.Where(p => p.Snapshot.ClosedAt is not null).Select(p => (p.Snapshot.ClosedAt!.Value, IndexedPosting.From(p.Snapshot, vocabulary)));
        // At one instant a publication goes before a closing, so a posting closed as it opens is gone.
        events = [.. published.Select(e => (e.Item1, e.Item2, Order: 0)).Concat(closed.Select(e => (e.Item1, e.Item2, Order: 1)))
            .OrderBy(e => e.Item1).ThenBy(e => e.Order).Select(e => (e.Item1, e.Item2))];
    }

    public CandidateIndex Index { get; } = new();

    /// <summary>Applies everything that happened up to and including <paramref name="at"/>; time only moves forward.</summary>
    public void AdvanceTo(DateTime at)
    {
        if (at < position) throw new InvalidOperationException($"The replay is at {position:u} and cannot go back to {at:u}.");
        position = at;
        var start = next;
        while (next < events.Length && events[next].At <= at) next++;
        if (next > start) Index.Apply(events[start..next].Select(e => e.Posting).ToList(), [], []);
    }
}
