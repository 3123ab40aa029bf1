using Matching.Api.Matches;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

public sealed class GeoTests
{
    [Fact]
    public void Hohhot_to_Baotou_is_about_160_km()
    {
        Assert.InRange(Geo.DistanceKm(HohhotLat, HohhotLon, BaotouLat, BaotouLon), 155, 168);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_to_the_same_place()
    {
        Assert.Equal(Geo.DistanceKm(HohhotLat, HohhotLon, BaotouLat, BaotouLon), Geo.DistanceKm(BaotouLat, BaotouLon, HohhotLat, HohhotLon), 9);
        Assert.Equal(0, Geo.DistanceKm(HohhotLat, HohhotLon, HohhotLat, HohhotLon));
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(Geo.DistanceKm(40, 111, 41, 111), 110.5, 111.8);
    }
}
