using JobMatch.Contracts;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Skills;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Profiles;

/// <summary>The seeker's own answer record (JobMatch.Contracts.Responses.Profiles, shared with the portal) made from the stored profile.</summary>
public static class ProfileResponses
{
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

internal static class Masking
{
    public static string? NationalIdFor(string? nationalId, bool reveal) =>
        nationalId is null ? null : reveal ? nationalId : NationalId.Mask(nationalId);
}
