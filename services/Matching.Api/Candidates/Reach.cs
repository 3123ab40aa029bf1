using Matching.Api.Matches;

namespace Matching.Api.Candidates;

/// <summary>
/// Whether a seeker can get to a posting: by great-circle distance within their commute limit when both have
/// coordinates (anywhere when they would relocate), otherwise by division codes — same banner/county, same
/// league/city, or farther.
/// </summary>
public readonly record struct Reach(bool Reachable, double? DistanceKm, int CommuteKm, string Basis, double Closeness)
{
    public const int DefaultCommuteKm = 50;

    /// <summary>Beyond the commute limit, but within a commute of a place where the seeker has acted on postings (<see cref="IndexedSeeker.ShownPlaces"/>).</summary>
    public const string ShownReach = "shown-reach";

    private static bool NearAShownPlace(IndexedSeeker seeker, double lat, double lon, int commute)
    {
        foreach (var (placeLat, placeLon) in seeker.ShownPlaces)
        {
            if (Geo.DistanceKm(placeLat, placeLon, lat, lon) <= commute) return true;
        }
        return false;
    }

    /// <summary>True when <see cref="DistanceKm"/> is a band's upper bound (a coarse-located seeker), not a measurement.</summary>
    public bool Banded { get; init; }

    public static Reach Of(IndexedSeeker seeker, IndexedPosting posting)
    {
        var s = seeker.Snapshot;
        var p = posting.Snapshot;
        var commute = s.MaxCommuteKm ?? DefaultCommuteKm;
        if (s is { Latitude: { } sLat, Longitude: { } sLon } && p is { Latitude: { } pLat, Longitude: { } pLon })
        {
            var exact = Geo.DistanceKm(sLat, sLon, pLat, pLon);
            var distance = seeker.HasCoarseLocation ? CoarseLocation.Band(exact) : Math.Round(exact, 1);
            var within = distance <= commute;
            if (!within && !s.WillingToRelocate && NearAShownPlace(seeker, pLat, pLon, commute))
                return new Reach(true, distance, commute, ShownReach, 0);
            return new Reach(within || s.WillingToRelocate, distance, commute, within ? "within-commute" : "relocation",
                within ? 1 - distance / Math.Max(commute, 1) : 0) { Banded = seeker.HasCoarseLocation };
        }
        if (p.RegionCode == s.RegionCode) return new Reach(true, null, commute, "same-county", 0.8);
        if (p.RegionCode.Length >= 4 && s.RegionCode.Length >= 4 && p.RegionCode[..4] == s.RegionCode[..4])
            return new Reach(true, null, commute, "same-city", 0.5);
        return new Reach(true, null, commute, "other-city", s.WillingToRelocate ? 0.2 : 0.1);
    }
}
