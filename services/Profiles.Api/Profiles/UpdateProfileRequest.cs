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
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(Name), "name", "A name is required.")
            .Require(Name is null || Name.Length <= 100, "name", "The name is at most 100 characters.")
            .Require(Phone is null || MobilePattern().IsMatch(Phone), "phone", "The phone is an 11-digit mainland mobile number, e.g. 13800138000.")
            .Require(RegionCode is not null && RegionCodePattern().IsMatch(RegionCode), "regionCode",
                "The region is a 6-digit Inner Mongolia division code (15xxxx), e.g. 150102.")
            .Require((Latitude is null) == (Longitude is null), "latitude", "Give both latitude and longitude, or neither.")
            .Require(Latitude is null or (>= -90 and <= 90), "latitude", "Latitude is between -90 and 90.")
            .Require(Longitude is null or (>= -180 and <= 180), "longitude", "Longitude is between -180 and 180.")
            .Require(MaxCommuteKm is null or (>= 1 and <= 2000), "maxCommuteKm", "The commute limit is between 1 and 2,000 km.")
            .Require(Skills is null || Skills.Count <= 100, "skills", "At most 100 skills.");
        if (Skills is not null && Skills.Any(string.IsNullOrWhiteSpace))
            validation.Add("skills", "Skills cannot be blank.");
        return validation;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^15\d{4}$")]
    private static partial Regex RegionCodePattern();
}
