using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;

namespace Profiles.Api.Profiles;

public sealed partial record UpdateProfileRequest(
    string? Name,
    string? Phone,
    IReadOnlyList<string>? Skills,
    string? RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool? WillingToRelocate)
{
    public Validation Validate()
    {
        return new Validation()
            .Require(!string.IsNullOrWhiteSpace(Name), "name", "A name is required.")
            .Require(Name is null || Name.Length <= 100, "name", "The name is at most 100 characters.")
            .Require(Phone is null || MobilePattern().IsMatch(Phone), "phone", "The phone is an 11-digit mainland mobile number, e.g. 13800138000.")
            .RequireRegionCode(RegionCode)
            .RequireCoordinates(Latitude, Longitude)
            .Require(MaxCommuteKm is null or (>= 1 and <= 2000), "maxCommuteKm", "The commute limit is between 1 and 2,000 km.")
            .RequireItems(Skills, "skills", 100);
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
