using JobMatch.ServiceDefaults.Skills;
using Matching.Api.ReadModel;

namespace Matching.Tests.Unit;

/// <summary>Read-model rows built the way ReadModelStore stores them: skills as typed, keys normalised.</summary>
internal static class Snapshots
{
    public const double HohhotLat = 40.84, HohhotLon = 111.75;
    public const double BaotouLat = 40.66, BaotouLon = 109.84;

    public static SeekerSnapshot Seeker(string[] skills, string regionCode = "150102", double? latitude = HohhotLat, double? longitude = HohhotLon,
        int? maxCommuteKm = null, bool willingToRelocate = false, string[]? desiredOccupations = null, string[]? keyGroups = null) => new()
    {
        SeekerId = Guid.NewGuid(),
        DesiredOccupations = desiredOccupations ?? [],
        KeyGroups = keyGroups ?? [],
        Skills = skills,
        SkillKeys = SkillKey.NormalizeAll(skills),
        RegionCode = regionCode,
        Latitude = latitude,
        Longitude = longitude,
        MaxCommuteKm = maxCommuteKm,
        WillingToRelocate = willingToRelocate,
        UpdatedAt = DateTime.UtcNow,
    };

    public static PostingSnapshot Posting(string[] skills, string regionCode = "150102", double? latitude = HohhotLat, double? longitude = HohhotLon,
        string title = "Welder", DateTime? publishedAt = null, string[]? keyGroups = null, string? employmentType = null) => new()
    {
        PostingId = Guid.NewGuid(),
        EmployerId = Guid.NewGuid(),
        Title = title,
        Skills = skills,
        SkillKeys = SkillKey.NormalizeAll(skills),
        RegionCode = regionCode,
        Latitude = latitude,
        Longitude = longitude,
        PublishedAt = publishedAt ?? new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
        KeyGroups = keyGroups ?? [],
        EmploymentType = employmentType,
    };
}
