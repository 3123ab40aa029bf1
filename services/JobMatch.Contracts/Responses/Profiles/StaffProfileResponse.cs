namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>
/// A seeker as staff see them. The ID number is masked (150102********1234) and the sensitive sections are absent
/// unless the caller asked to reveal them; either way the read is in the audit log with the fields it showed.
/// </summary>
public sealed record StaffProfileResponse(
    Guid SeekerId,
    string Name,
    string? Phone,
    string? NationalId,
    bool NationalIdMasked,
    IReadOnlyList<SkillEntry> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool WillingToRelocate,
    ProfileDetails Details,
    IReadOnlyList<KeyGroupResponse> KeyGroups,
    PersonalDetails? Sensitive,
    DateTime UpdatedAt,
    string? NationalOccupationCode = null,
    [property: System.ComponentModel.Description(ProfileDescriptions.NationalOccupationSource)]
    NationalOccupationSource? NationalOccupationSource = null);

/// <summary>The sealed part of a profile: everything derived from the ID number, and special categories.</summary>
public sealed record PersonalDetails(
    DateOnly? BirthDate, string? Gender, VeteranService? Veteran, Disability? Disability, string? HealthNotes, bool LowIncomeHousehold);

/// <summary>Field descriptions the profile answers share (the OpenAPI document shows them).</summary>
public static class ProfileDescriptions
{
    public const string NationalOccupationSource = "Whether the seeker chose nationalOccupationCode (kept through edits) or the service " +
        "derived it from the desired occupations (derived again when they change; send it back as read and it stays derived). Null without a code.";
}
