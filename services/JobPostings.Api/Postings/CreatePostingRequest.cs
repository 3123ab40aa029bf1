using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;

namespace JobPostings.Api.Postings;

public sealed partial record CreatePostingRequest(
    string? Title,
    string? Description,
    string? OccupationCode,
    IReadOnlyList<string>? Skills,
    string? RegionCode,
    double? Latitude,
    double? Longitude,
    decimal? SalaryMin,
    decimal? SalaryMax,
    int? Vacancies,
    DateTime? ValidUntil)
{
    public const int MaxSkills = 50;

    public Validation Validate(DateTime now)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(Title), "title", "A title is required.")
            .Require(Title is null || Title.Length <= 200, "title", "The title is at most 200 characters.")
            .Require(Description is null || Description.Length <= 20_000, "description", "The description is at most 20,000 characters.")
            .Require(RegionCode is not null && RegionCodePattern().IsMatch(RegionCode), "regionCode",
                "The region is a 6-digit Inner Mongolia division code (15xxxx), e.g. 150102.")
            .Require((Latitude is null) == (Longitude is null), "latitude", "Give both latitude and longitude, or neither.")
            .Require(Latitude is null or (>= -90 and <= 90), "latitude", "Latitude is between -90 and 90.")
            .Require(Longitude is null or (>= -180 and <= 180), "longitude", "Longitude is between -180 and 180.")
            .Require(SalaryMin is null or >= 0, "salaryMin", "The salary cannot be negative.")
            .Require(SalaryMin is null || SalaryMax is null || SalaryMax >= SalaryMin, "salaryMax", "The maximum salary is at least the minimum.")
            .Require(Vacancies is null or (>= 1 and <= 10_000), "vacancies", "Vacancies are between 1 and 10,000.")
            .Require(ValidUntil is null || ValidUntil > now, "validUntil", "The validity date is in the future.")
            .Require(Skills is null || Skills.Count <= MaxSkills, "skills", $"At most {MaxSkills} skills.");
        if (Skills is not null && Skills.Any(string.IsNullOrWhiteSpace))
            validation.Add("skills", "Skills cannot be blank.");
        return validation;
    }

    [GeneratedRegex(@"^15\d{4}$")]
    private static partial Regex RegionCodePattern();
}
