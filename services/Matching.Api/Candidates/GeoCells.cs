namespace Matching.Api.Candidates;

/// <summary>
/// A half-degree grid over the map (about 55 km north–south): postings are listed per concept and cell, so a seeker
/// who will commute 50 km reads the few cells around them, not all of Inner Mongolia. Postings without coordinates sit
/// in <see cref="Unplaced"/>, which every query reads (division codes decide their reach).
/// </summary>
public static class GeoCells
{
    public const int Unplaced = -1;
    private const double CellDegrees = 0.5;
    private const double KmPerDegree = 111.0;

    public static int Of(IndexedPosting posting) =>
        posting.Snapshot is { Latitude: { } lat, Longitude: { } lon } ? Cell(lat, lon) : Unplaced;

    public static long Key(int concept, int cell) => ((long)concept << 32) | (uint)cell;

    /// <summary>The cells a seeker can reach, or null when any cell will do (they would relocate, or have no coordinates).</summary>
    public static int[]? Around(IndexedSeeker seeker)
    {
        var s = seeker.Snapshot;
        if (s.WillingToRelocate || s is not { Latitude: { } lat, Longitude: { } lon }) return null;
        var commute = s.MaxCommuteKm ?? Reach.DefaultCommuteKm;
        var cells = new HashSet<int> { Unplaced };
        AddAround(cells, lat, lon, commute);
        // And a commute around each place farther away where they have looked at jobs (IndexedSeeker.ShownPlaces).
        foreach (var (placeLat, placeLon) in seeker.ShownPlaces) AddAround(cells, placeLat, placeLon, commute);
        return [.. cells];
    }

    private static void AddAround(HashSet<int> cells, double lat, double lon, double km)
    {
        var dLat = km / KmPerDegree;
        var dLon = km / (KmPerDegree * Math.Max(0.2, Math.Cos(lat * Math.PI / 180)));
        for (var y = Row(lat - dLat); y <= Row(lat + dLat); y++)
        {
            for (var x = Column(lon - dLon); x <= Column(lon + dLon); x++)
                cells.Add(Compose(y, x));
        }
    }

    private static int Cell(double lat, double lon) => Compose(Row(lat), Column(lon));
    private static int Row(double lat) => (int)Math.Floor((lat + 90) / CellDegrees);
    private static int Column(double lon) => (int)Math.Floor((lon + 180) / CellDegrees);
    private static int Compose(int row, int column) => row * 1000 + column;
}
