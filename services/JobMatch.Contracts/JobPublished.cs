namespace JobMatch.Contracts;

/// <summary>
/// A posting went live: seekers may now find it and be matched to it. Fields after ValidUntil were added later
/// and are optional, so older publishers and consumers keep working. Description is the ad's text (matching's lexical
/// retrieval reads it, issue 13). NationalOccupationCode is the posting's 细类 of 职业分类大典 2022 (4-02-02-02), beside the
/// ESCO OccupationCode (issue 19).
/// </summary>
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
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string>? OptionalSkills = null,
    string? EmploymentType = null,
    IReadOnlyList<string>? KeyGroups = null,
    int? ExperienceYears = null,
    string? Education = null,
    string? Description = null,
    string? NationalOccupationCode = null);
