namespace JobMatch.Contracts;

/// <summary>A posting went live: seekers may now find it and be matched to it.</summary>
public sealed record JobPublished(
    Guid PostingId,
    Guid EmployerId,
    string Title,
    string? OccupationCode,
    IReadOnlyList<string> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    decimal? SalaryMin,
    decimal? SalaryMax,
    DateTimeOffset PublishedAt,
    DateTimeOffset? ValidUntil);
