namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>The seeker's own view of their profile, personal fields opened (the ID number unmasked: it is theirs).</summary>
public sealed record ProfileResponse(
    Guid SeekerId,
    string Name,
    string? Phone,
    IReadOnlyList<string> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool WillingToRelocate,
    DateTime UpdatedAt,
    string? NationalId = null,
    DateOnly? BirthDate = null,
    string? Gender = null,
    IReadOnlyList<SkillEntry>? SkillConcepts = null,
    ProfileDetails? Details = null,
    VeteranService? Veteran = null,
    Disability? Disability = null,
    string? HealthNotes = null,
    bool LowIncomeHousehold = false,
    IReadOnlyList<KeyGroupResponse>? KeyGroups = null,
    string? NationalOccupationCode = null,
    [property: System.ComponentModel.Description(ProfileDescriptions.NationalOccupationSource)]
    NationalOccupationSource? NationalOccupationSource = null);
