namespace Matching.Api.ReadModel;

/// <summary>A seeker as matching sees them: pseudonymous, no personal details.</summary>
public sealed class SeekerSnapshot
{
    public Guid SeekerId { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] SkillKeys { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? MaxCommuteKm { get; init; }
    public bool WillingToRelocate { get; init; }
    public DateTime UpdatedAt { get; init; }
}
