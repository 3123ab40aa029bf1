using JobMatch.Contracts;
using System.ComponentModel;
using JobMatch.ServiceDefaults.Problems;
using Matching.Taxonomy;

namespace JobPostings.Api.Postings;

/// <summary>
/// A posting as an employer writes it (create, or edit a draft). Salary: a range, or SalaryNegotiable (面议), or
/// neither (not stated). Fields after ValidUntil were added with screening and search and are optional.
/// NationalOccupationCode is a 细类 of 职业分类大典 2022 (4-02-02-02) beside the ESCO OccupationCode; when the employer gives
/// none it is derived from the ESCO code or the title (docs/decisions/060). NationalOccupationSource "derived" beside a
/// code (a posting sent back as read) derives it afresh; a code given without it is the employer's choice.
/// </summary>
public sealed record CreatePostingRequest(
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
    DateTime? ValidUntil,
    IReadOnlyList<string>? OptionalSkills = null,
    Education? Education = null,
    int? ExperienceYears = null,
    bool SalaryNegotiable = false,
    EmploymentType? EmploymentType = null,
    IReadOnlyList<KeyGroup>? KeyGroups = null,
    string? NationalOccupationCode = null,
    [property: Description("Leave out, or \"chosen\", when nationalOccupationCode is the employer's choice; \"derived\" derives the code " +
        "afresh from the occupation code or the title, whatever code is sent (as when a posting read is sent back).")]
    NationalOccupationSource? NationalOccupationSource = null)
{
    public const int MaxSkills = 50;
    public const int MaxSkillLength = 100;

    public Validation Validate(DateTime now)
    {
        return new Validation()
            .Require(!string.IsNullOrWhiteSpace(Title), "title", "A title is required.")
            .Require(Title is null || Title.Length <= 200, "title", "The title is at most 200 characters.")
            .Require(Description is null || Description.Length <= 20_000, "description", "The description is at most 20,000 characters.")
            .Require(OccupationCode is null || OccupationCode.Length <= 100, "occupationCode", "The occupation code is at most 100 characters.")
            .Require(NationalOccupationCode is null || NationalClassification.Shared.IsOccupationCode(NationalOccupationCode), "nationalOccupationCode",
                NationalClassification.NotAnOccupationCode)
            .Require(NationalOccupationSource is null || Enum.IsDefined(NationalOccupationSource.Value), "nationalOccupationSource",
                "The source is chosen or derived.")
            .RequireRegionCode(RegionCode)
            .RequireCoordinates(Latitude, Longitude)
            .Require(SalaryMin is null or >= 0, "salaryMin", "The salary cannot be negative.")
            .Require(SalaryMin is null || SalaryMax is null || SalaryMax >= SalaryMin, "salaryMax", "The maximum salary is at least the minimum.")
            .Require(Vacancies is null or (>= 1 and <= 10_000), "vacancies", "Vacancies are between 1 and 10,000.")
            .Require(ValidUntil is null || ValidUntil > now, "validUntil", "The validity date is in the future.")
            .Require(ExperienceYears is null or (>= 0 and <= 50), "experienceYears", "Experience is between 0 and 50 years.")
            .Require(KeyGroups is null || KeyGroups.Count == KeyGroups.Distinct().Count(), "keyGroups", "Each key group once.")
            // JSON may carry an enum as any number: one the enum does not define is refused, not stored.
            .Require(EmploymentType is null || Enum.IsDefined(EmploymentType.Value), "employmentType",
                "The employment type is one of fullTime, partTime, internship, publicWelfare, grassroots.")
            .Require(Education is null || Enum.IsDefined(Education.Value), "education",
                "Education is one of none, juniorMiddle, seniorHigh, vocational, college, bachelor, master, doctorate.")
            .Require(KeyGroups is null || KeyGroups.All(Enum.IsDefined), "keyGroups",
                "Key groups are graduateFriendly, veteranPriority, disabilityAccessible, accommodationProvided, ruralFriendly.")
            .RequireItems(Skills, "skills", MaxSkills)
            .RequireItems(OptionalSkills, "optionalSkills", MaxSkills)
            .Require(Skills is null || Skills.All(skill => skill.Length <= MaxSkillLength), "skills", "Each skill is at most 100 characters.")
            .Require(OptionalSkills is null || OptionalSkills.All(skill => skill.Length <= MaxSkillLength), "optionalSkills", "Each skill is at most 100 characters.");
    }
}
