using JobMatch.Contracts;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Skills;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Profiles;

/// <summary>The seeker's own answer record (JobMatch.Contracts.Responses.Profiles, shared with the portal) made from the stored profile.</summary>
public static class ProfileResponses
{
    internal const string NationalSourceDescription = "Whether the seeker chose nationalOccupationCode (kept through edits) or the service " +
        "derived it from the desired occupations (derived again when they change; send it back as read and it stays derived). Null without a code.";

    extension(ProfileResponse)
    {
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
    [property: System.ComponentModel.Description(ProfileResponses.NationalSourceDescription)]
    NationalOccupationSource? NationalOccupationSource = null);

internal static class Masking
{
    public static string? NationalIdFor(string? nationalId, bool reveal) =>
        nationalId is null ? null : reveal ? nationalId : NationalId.Mask(nationalId);
}
