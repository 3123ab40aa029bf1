using JobMatch.ServiceDefaults.PersonalData;

namespace Profiles.Api.Profiles;

/// <summary>The seeker's own view of their profile, personal fields opened.</summary>
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
    DateTime UpdatedAt)
{
    public static ProfileResponse ForOwner(ProfileRow row, PersonalDataProtector protector) => new(
        row.SeekerId, protector.Unprotect(row.NameProtected), protector.UnprotectOptional(row.PhoneProtected), row.Skills,
        row.RegionCode, row.Latitude, row.Longitude, row.MaxCommuteKm, row.WillingToRelocate, row.UpdatedAt);
}
