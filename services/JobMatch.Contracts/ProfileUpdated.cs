namespace JobMatch.Contracts;

/// <summary>
/// A seeker's profile changed. Carries only what matching needs, under a pseudonymous id:
/// never a name, national ID number, phone number or health detail.
/// </summary>
public sealed record ProfileUpdated(
    Guid SeekerId,
    IReadOnlyList<string> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool WillingToRelocate,
    DateTimeOffset UpdatedAt);
