using JobMatch.Contracts;
namespace Profiles.Api.Profiles;

/// <summary>A profile as stored: personal fields still sealed.</summary>
public sealed class ProfileRow
{
    public Guid SeekerId { get; init; }
    public string NameProtected { get; init; } = "";
    public string? PhoneProtected { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] SkillConcepts { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? MaxCommuteKm { get; init; }
    public bool WillingToRelocate { get; init; }
    public string? NationalIdProtected { get; init; }
    public string? PersonalProtected { get; init; }
    /// <summary>ProfileDetails as JSON.</summary>
    public string Details { get; init; } = "{}";
    /// <summary>The 职业分类大典 细类 sought: the seeker's, or derived from the desired occupations.</summary>
    public string? NationalOccupationCode { get; init; }
    /// <summary>"chosen" or "derived" as stored; null for no code, and for rows from before migration 010 (<see cref="ProfileStore.NationalSourceOf"/>).</summary>
    public string? NationalOccupationSource { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
