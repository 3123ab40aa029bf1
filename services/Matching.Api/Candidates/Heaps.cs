namespace Matching.Api.Candidates;

/// <summary>A touched entry as the candidate order sees it: its score (shared concepts or BM25), its recency, where it
/// was found (the last tie-break, so the order is what a stable sort would give) and its slot.</summary>
internal readonly record struct Ranked(float Score, long Recency, int Position, int Slot)
{
    /// <summary>Whether this comes before <paramref name="other"/>: higher score, then more recent, then found first.</summary>
    public bool Precedes(in Ranked other) =>
        Score != other.Score ? Score > other.Score
        : Recency != other.Recency ? Recency > other.Recency
        : Position < other.Position;
}

/// <summary>
/// An in-place binary heap over a pooled buffer, first in the <see cref="Ranked"/> order on top: built in O(n), each pop
/// O(log n). Candidate selection takes the first k of tens of thousands touched without sorting them all.
/// </summary>
internal static class Heaps
{
    public static void Build(Ranked[] heap, int size)
    {
        for (var i = size / 2 - 1; i >= 0; i--) SiftDown(heap, size, i);
    }

    public static Ranked Pop(Ranked[] heap, ref int size)
    {
        var top = heap[0];
        heap[0] = heap[--size];
        SiftDown(heap, size, 0);
        return top;
    }

    private static void SiftDown(Ranked[] heap, int size, int i)
    {
        var item = heap[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1].Precedes(heap[child])) child++;
            if (!heap[child].Precedes(item)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }
}
