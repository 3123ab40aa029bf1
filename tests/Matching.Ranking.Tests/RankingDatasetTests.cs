using Matching.Ranking;

namespace Matching.Ranking.Tests;

public sealed class RankingDatasetTests
{
    [Fact]
    public void A_consistent_dataset_knows_its_rows_and_groups()
    {
        var data = new RankingDataset(new float[12], 2, new float[6], [2, 4]);

        Assert.Equal(6, data.Rows);
        Assert.Equal(2, data.Groups);
    }

    [Fact]
    public void Wrong_lengths_and_group_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[11], 2, new float[6], [6])); // not whole rows
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[12], 2, new float[5], [6])); // labels ≠ rows
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[12], 2, new float[6], [2, 3])); // sums to 5
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[12], 2, new float[6], [7])); // sums to 7
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[12], 2, new float[6], [0, 6])); // empty group
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[12], 0, new float[6], [6])); // no columns
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[4], 2, [1, -1], [2])); // negative grade
        Assert.Throws<ArgumentException>(() => new RankingDataset(new float[4], 2, [1, float.NaN], [2])); // missing grade
    }

    [Fact]
    public void Taking_groups_copies_whole_queries()
    {
        var data = new RankingDataset([0, 1, 2, 3, 4, 5], 1, [0, 1, 2, 3, 0, 1], [1, 3, 2]);

        var middle = data.TakeGroups(1, 2);

        Assert.Equal([1, 2, 3, 4, 5], middle.Features);
        Assert.Equal([1, 2, 3, 0, 1], middle.Labels);
        Assert.Equal([3, 2], middle.GroupSizes);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.TakeGroups(2, 2));
    }
}
