using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Profiles.Api.Consent;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Profiles;

/// <summary>
/// Tells matching what it may know of a seeker, in the transaction that changed it — and only while the seeker
/// consents to matching. Built field by field from the stored row, so nothing personal can slip in by accident:
/// no name, ID number, phone, date of birth, gender, health detail or key-group evidence; where the seeker lives only to
/// about a kilometre; of the work history only the job titles (no employer, no dates).
/// </summary>
public sealed class ProfileAnnouncer(KeyGroupStore keyGroups, ConsentStore consents)
{
    public async Task AnnounceAsync(ServiceTransaction transaction, ProfileRow profile)
    {
        if (!await consents.IsGrantedAsync(transaction, profile.SeekerId, Purpose.Matching)) return;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var details = ProfileStore.DetailsOf(profile);
        var education = details.HighestEducation(today);
        var groups = (await keyGroups.ListAsync(transaction, profile.SeekerId)).Where(row => row.Applies).Select(row => row.KeyGroup).ToList();
        await transaction.PublishAsync(new ProfileUpdated(
            profile.SeekerId, profile.Skills, profile.RegionCode, ToAboutAKilometre(profile.Latitude), ToAboutAKilometre(profile.Longitude), profile.MaxCommuteKm,
            profile.WillingToRelocate, new DateTimeOffset(profile.UpdatedAt, TimeSpan.Zero),
            SkillConcepts: profile.SkillConcepts,
            EducationLevel: education?.Level,
            EducationField: education?.Major,
            YearsOfExperience: details.YearsOfExperience(today),
            DesiredOccupations: details.DesiredOccupations,
            SalaryExpectation: details.SalaryExpectation,
            EmploymentTypes: details.EmploymentTypes,
            Languages: details.Languages,
            AvailableFrom: details.AvailableFrom,
            KeyGroups: groups,
            SharedWithEmployers: await consents.IsGrantedAsync(transaction, profile.SeekerId, Purpose.EmployerSharing),
            PastOccupations: details.WorkHistory.Select(job => job.Occupation).OfType<string>().Where(title => title.Trim().Length > 0).ToList(),
            Certificates: details.Certificates,
            NationalOccupationCode: profile.NationalOccupationCode));
    }

    /// <summary>Where the seeker lives, as matching may know it: 0.01° (about 1.1 km north–south, 0.8 km east–west here).</summary>
    private static double? ToAboutAKilometre(double? degrees) => degrees is { } value ? Math.Round(value, 2) : null;
}
