using Matching.Api.Candidates;
using Matching.Api.Ranking;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

public sealed class RegionBalanceTests
{
    private const string District = "150102", Banner = "150121"; // 新城区, 土默特左旗

    private static IndexedPosting At(string regionCode) =>
        IndexedPosting.From(Posting(["Welding"], regionCode: regionCode), Pipeline.Vocabulary);

    [Fact]
    public void Region_codes_are_told_apart()
    {
        Assert.True(RegionBalance.InBannerOrCounty(At(Banner)));
        Assert.False(RegionBalance.InBannerOrCounty(At(District)));
    }

    [Fact]
    public void Every_prefix_holds_each_region_type_in_proportion_keeping_the_order_within_each()
    {
        // Ranked: six city postings, then four banner ones; banners are half of what the seeker can reach.
        var ranked = Enumerable.Range(0, 6).Select(_ => At(District)).Concat(Enumerable.Range(0, 4).Select(_ => At(Banner))).ToList();

        var balanced = RegionBalance.Balance(ranked, p => p, bannerCountyShare: 0.5, limit: 8);

        Assert.Equal(8, balanced.Count);
        for (var k = 1; k <= balanced.Count; k++)
            Assert.True(balanced.Take(k).Count(b => RegionBalance.InBannerOrCounty(b.Item)) >= k / 2, $"prefix {k}");
        Assert.Equal(ranked.Where(RegionBalance.InBannerOrCounty), balanced.Select(b => b.Item).Where(RegionBalance.InBannerOrCounty));
        Assert.Equal(ranked.Where(p => !RegionBalance.InBannerOrCounty(p)).Take(4), balanced.Select(b => b.Item).Where(p => !RegionBalance.InBannerOrCounty(p)));
        // The banner postings the ranking had at 7–10 now stand higher and say so; the first city posting stays first.
        Assert.Equal(ranked[0], balanced[0].Item);
        Assert.False(balanced[0].Moved);
        Assert.All(balanced.Where(b => RegionBalance.InBannerOrCounty(b.Item)), b => Assert.True(b.Moved));
    }

    [Fact]
    public void A_list_already_in_proportion_is_left_as_it_is()
    {
        var ranked = new[] { District, Banner, District, Banner, Banner, District }.Select(At).ToList();

        var balanced = RegionBalance.Balance(ranked, p => p, bannerCountyShare: 0.5, limit: 6);

        Assert.Equal(ranked, balanced.Select(b => b.Item));
        Assert.DoesNotContain(balanced, b => b.Moved);
    }

    [Fact]
    public void When_one_region_type_runs_out_the_other_fills_the_list()
    {
        var ranked = new[] { District, District, District, Banner }.Select(At).ToList();

        var balanced = RegionBalance.Balance(ranked, p => p, bannerCountyShare: 0.9, limit: 4);

        // ⌊0.9 × 1⌋ = 0 banner places are owed at the first position, one at the second: then only cities are left.
        Assert.Equal([ranked[0], ranked[3], ranked[1], ranked[2]], balanced.Select(b => b.Item));
    }

    [Fact]
    public void The_share_is_the_pools()
    {
        Assert.Equal(0.25, RegionBalance.BannerCountyShare(new[] { Banner, District, District, District }.Select(At)));
        Assert.Equal(0, RegionBalance.BannerCountyShare([]));
    }
}
