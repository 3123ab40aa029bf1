namespace Matching.Ranking;

/// <summary>
/// Rows grouped by query (one query = one seeker's candidate list, its rows contiguous): <see cref="Features"/> is
/// row-major <see cref="Rows"/> × <see cref="Columns"/> (NaN = missing), <see cref="Labels"/> one relevance grade per row
/// (0 = not relevant; higher = more relevant), <see cref="GroupSizes"/> the number of rows of each query in order.
/// </summary>
public sealed record RankingDataset
{
    public RankingDataset(float[] features, int columns, float[] labels, int[] groupSizes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groupSizes);
        if (columns <= 0)
            throw new ArgumentException("A dataset has at least one feature column.", nameof(columns));
        if (features.Length % columns != 0)
            throw new ArgumentException($"{features.Length} feature values are not a whole number of rows of {columns} columns.", nameof(features));
        var rows = features.Length / columns;
        if (labels.Length != rows)
            throw new ArgumentException($"{labels.Length} labels for {rows} rows.", nameof(labels));
        foreach (var label in labels)
        {
            if (!float.IsFinite(label) || label < 0)
                throw new ArgumentException("Labels are finite relevance grades ≥ 0.", nameof(labels));
        }
        long total = 0;
        foreach (var size in groupSizes)
        {
            if (size <= 0)
                throw new ArgumentException("Every group (query) has at least one row.", nameof(groupSizes));
            total += size;
        }
        if (total != rows)
            throw new ArgumentException($"Group sizes sum to {total}, but the dataset has {rows} rows.", nameof(groupSizes));

        Features = features;
        Columns = columns;
        Labels = labels;
        GroupSizes = groupSizes;
        Rows = rows;
    }

    public float[] Features { get; }
    public int Columns { get; }
    public float[] Labels { get; }
    public int[] GroupSizes { get; }
    public int Rows { get; }
    public int Groups => GroupSizes.Length;

    /// <summary>Copies <paramref name="count"/> whole groups starting at group <paramref name="firstGroup"/> (e.g. a held-out split).</summary>
    public RankingDataset TakeGroups(int firstGroup, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstGroup + count, Groups, nameof(count));
        var firstRow = GroupSizes.AsSpan(0, firstGroup).ToArray().Sum();
        var sizes = GroupSizes.AsSpan(firstGroup, count).ToArray();
        var rows = sizes.Sum();
        return new RankingDataset(
            Features.AsSpan(firstRow * Columns, rows * Columns).ToArray(), Columns,
            Labels.AsSpan(firstRow, rows).ToArray(), sizes);
    }
}
