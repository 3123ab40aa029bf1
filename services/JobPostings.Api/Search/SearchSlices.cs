using Lucene.Net.Index;
using Lucene.Net.Search;

namespace JobPostings.Api.Search;

/// <summary>
/// A search split into doc ranges of about equal size across the index's segments, each collected by its own
/// <see cref="PageCollector"/> on its own thread and then merged: a broad query's tens of thousands of matches are
/// scored and counted on every core instead of one (what Lucene's IndexSearcher does with an executor, per segment;
/// here per range, since one merged segment can hold most postings). Under load the calling thread runs the slices no
/// other thread has started, so it never waits on a busy pool.
/// </summary>
internal static class SearchSlices
{
    private sealed record Range(AtomicReaderContext Leaf, int From, int To);

    public static PageCollector Run(IndexSearcher searcher, Query query, Func<PageCollector> newCollector, int slices)
    {
        if (slices <= 1)
        {
            var single = newCollector();
            searcher.Search(query, single);
            return single;
        }
        var weight = searcher.CreateNormalizedWeight(query);
        var ranges = WholeSegments(searcher.IndexReader.Leaves, slices) ?? Split(searcher.IndexReader.Leaves, slices);
        var collectors = ranges.Select(_ => newCollector()).ToArray();
        Parallel.For(0, ranges.Count, slice => Collect(weight, ranges[slice], collectors[slice]));
        for (var slice = 1; slice < collectors.Length; slice++) collectors[0].Absorb(collectors[slice]);
        return collectors[0];
    }

    /// <summary>
    /// Whole segments dealt largest first to the slice with fewest documents, when that leaves no slice more than a
    /// quarter over an equal share: a whole segment is scored in bulk, which for a broad disjunction costs about half
    /// of what a cut range's skipping scorer does (焊工 at 300,000 postings: 7 ms of CPU one thread, 12 ms cut in two).
    /// Null when the segments are too uneven (one holds most postings, as after a merge).
    /// </summary>
    private static List<List<Range>>? WholeSegments(IList<AtomicReaderContext> leaves, int slices)
    {
        var result = Enumerable.Range(0, slices).Select(_ => new List<Range>()).ToList();
        var sizes = new long[slices];
        foreach (var leaf in leaves.OrderByDescending(leaf => leaf.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            result[smallest].Add(new Range(leaf, 0, leaf.AtomicReader.MaxDoc));
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }
        return sizes.Max() <= 1.25 * sizes.Sum() / slices ? [.. result.Where(slice => slice.Count > 0)] : null;
    }

    /// <summary>
    /// The leaves' documents in <paramref name="slices"/> runs of about equal length, each a list of segment ranges. A
    /// segment of a quarter of a run or less goes whole into the run it starts in (whole segments are scored in bulk,
    /// which costs less than a range that skips to its start); a larger one is cut where the run ends.
    /// </summary>
    private static List<List<Range>> Split(IList<AtomicReaderContext> leaves, int slices)
    {
        var total = leaves.Sum(leaf => leaf.AtomicReader.MaxDoc);
        var size = Math.Max(1, (total + slices - 1) / slices);
        var result = new List<List<Range>> { new() };
        var room = size;
        foreach (var leaf in leaves)
        {
            var count = leaf.AtomicReader.MaxDoc;
            for (var from = 0; from < count;)
            {
                if (room <= 0)
                {
                    result.Add([]);
                    room = size;
                }
                var to = count <= size / 4 ? count : Math.Min(count, from + room);
                result[^1].Add(new Range(leaf, from, to));
                room -= to - from;
                from = to;
            }
        }
        return result;
    }

    /// <summary>One slice: a whole segment scored in bulk, a part of one in doc order from a scorer that skips to its start.</summary>
    private static void Collect(Weight weight, List<Range> ranges, PageCollector collector)
    {
        foreach (var (leaf, from, to) in ranges)
        {
            collector.SetNextReader(leaf);
            if (from == 0 && to == leaf.AtomicReader.MaxDoc)
            {
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
                continue;
            }
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null) continue;
            collector.SetScorer(scorer);
            for (var doc = scorer.Advance(from); doc < to; doc = scorer.NextDoc()) collector.Collect(doc);
        }
    }
}
