using System.ComponentModel;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Skills;
using Matching.Taxonomy;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Profiles;

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
    [property: Description(ProfileResponse.NationalSourceDescription)]
    NationalOccupationSource? NationalOccupationSource = null)
{
    internal const string NationalSourceDescription = "Whether the seeker chose nationalOccupationCode (kept through edits) or the service " +
        "derived it from the desired occupations (derived again when they change; send it back as read and it stays derived). Null without a code.";

    public static ProfileResponse ForOwner(ProfileRow row, ProfileStore store, IReadOnlyList<KeyGroupResponse> keyGroups)
    {
        var personal = store.PersonalOf(row);
        return new(row.SeekerId, store.NameOf(row), store.PhoneOf(row), row.Skills, row.RegionCode, row.Latitude, row.Longitude,
            row.MaxCommuteKm, row.WillingToRelocate, row.UpdatedAt, store.NationalIdOf(row), personal.BirthDate, personal.Gender,
            row.Skills.Select(skill => new SkillEntry(skill, SkillKey.Normalize(skill))).ToList(), ProfileStore.DetailsOf(row),
            personal.Veteran, personal.Disability, personal.HealthNotes, personal.LowIncomeHousehold, keyGroups, row.NationalOccupationCode,
            ProfileStore.NationalSourceOf(row));
    }
}

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
    [property: Description(ProfileResponse.NationalSourceDescription)]
    NationalOccupationSource? NationalOccupationSource = null);

/// <summary>Everything JobMatch's profile service holds about a seeker, for them to take away.</summary>
public sealed record ProfileExport(
    ProfileResponse Profile,
    IReadOnlyList<Consent.ConsentResponse> Consents,
    IReadOnlyList<Audit.AuditEntry> StaffAccess,
    DateTime ExportedAt);

internal static class Masking
{
    public static string? NationalIdFor(string? nationalId, bool reveal) =>
        nationalId is null ? null : reveal ? nationalId : NationalId.Mask(nationalId);
}
