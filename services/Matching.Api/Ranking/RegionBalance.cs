using JobMatch.Domain.Regions;
using Matching.Api.Candidates;

namespace Matching.Api.Ranking;

/// <summary>
/// The exposure step, after the model (or the fit) and the key-group policy: nearness favours postings in the cities
/// (districts and county-level cities), where most seekers live, so banner and county postings (旗, 县) took fewer
/// top places than their share of what seekers can reach. This step reorders the top of a ranked list so that every
/// prefix holds each region type at least in proportion (rounded down) to its share of the seeker's candidates —
/// postings the seeker can reach that share a concept or words with the profile. Within a region type the ranking's
/// order is kept; nothing is added or dropped. It reads the posting's place only: never anything about the seeker
/// beyond what retrieval already used, and never a protected attribute.
/// </summary>
public static class RegionBalance
{
    public const string BannerCounty = "banner-county";

    public static bool InBannerOrCounty(IndexedPosting posting) => InnerMongoliaRegions.KindOf(posting.Snapshot.RegionCode) == BannerCounty;

    /// <summary>
    /// The first <paramref name="limit"/> of <paramref name="ordered"/> (best first) balanced to <paramref name="bannerCountyShare"/>:
    /// at every position k, each region type holds at least ⌊share × k⌋ places while it has postings left; otherwise the
    /// better-placed of the two goes next. Says of each whether it now stands higher than the order had it.
    /// </summary>
    public static List<(T Item, bool Moved)> Balance<T>(IReadOnlyList<T> ordered, Func<T, IndexedPosting> postingOf, double bannerCountyShare, int limit)
    {
        var banner = new Queue<(int Rank, T Item)>();
        var other = new Queue<(int Rank, T Item)>();
        for (var i = 0; i < ordered.Count; i++) (InBannerOrCounty(postingOf(ordered[i])) ? banner : other).Enqueue((i, ordered[i]));
        var result = new List<(T, bool)>(Math.Min(limit, ordered.Count));
        int banners = 0, others = 0;
        while (result.Count < limit && (banner.Count > 0 || other.Count > 0))
        {
            var position = result.Count + 1;
            var bannerShort = banner.Count > 0 && banners < Math.Floor(bannerCountyShare * position);
            var otherShort = other.Count > 0 && others < Math.Floor((1 - bannerCountyShare) * position);
            var takeBanner = bannerShort || (!otherShort && (other.Count == 0 || (banner.Count > 0 && banner.Peek().Rank < other.Peek().Rank)));
            var (rank, item) = (takeBanner ? banner : other).Dequeue();
            if (takeBanner) banners++; else others++;
            result.Add((item, rank > result.Count));
        }
        return result;
    }

    /// <summary>Ranked matches balanced (<see cref="Balance{T}"/>), a moved one saying so in its explanation.</summary>
    public static List<Match> Balance(IReadOnlyList<Match> ranked, double bannerCountyShare, int limit, string language = "zh") =>
        Balance(ranked, match => match.Posting, bannerCountyShare, limit).ConvertAll(placed => placed.Moved ? Moved(placed.Item, language) : placed.Item);

    /// <summary>The banner/county share of a pool of postings, the yardstick a list drawn from it is balanced to.</summary>
    public static double BannerCountyShare(IEnumerable<IndexedPosting> pool)
    {
        int count = 0, banners = 0;
        foreach (var posting in pool) { count++; if (InBannerOrCounty(posting)) banners++; }
        return count == 0 ? 0 : banners / (double)count;
    }

    public static Match Moved(Match match, string language) => match with
    {
        Explanation = match.Explanation with
        {
            RegionBalanced = true,
            Reasons = [.. match.Explanation.Reasons, language == "en"
                ? "Shown higher so that jobs in banners and counties appear in proportion to those you can reach"
                : "为使旗县岗位按您可及范围内的比例展示而前移"],
        },
    };
}
