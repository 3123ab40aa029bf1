namespace Matching.Api.Candidates;

/// <summary>
/// How coarsely an employer learns where a candidate lives: coordinates snap to the centre of a 0.1° cell (about 11 km
/// north–south and 8 km east–west in Inner Mongolia) and distances from it are told in bands of
/// <see cref="BandKm"/>. Staff serving the seeker's region and the seeker see the distance to 0.1 km.
/// </summary>
public static class CoarseLocation
{
    public const double CellDegrees = 0.1;
    public const double BandKm = 5;

    public static double? Centre(double? degrees) =>
        degrees is { } value ? Math.Round((Math.Floor(value / CellDegrees) + 0.5) * CellDegrees, 2) : null;

    /// <summary>The distance rounded up to the next band: "within 5 km", "within 10 km", …</summary>
    public static double Band(double distanceKm) => Math.Max(1, Math.Ceiling(distanceKm / BandKm)) * BandKm;
}
