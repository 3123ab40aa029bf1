using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using JobPostings.Api.Postings;
using JobPostings.Api.SalaryGuide;

namespace JobPostings.Api.Screening;

/// <summary>
/// A posting being written, checked before it is saved: a title and a description at least; with the occupation,
/// region, pay and requirements too, the pay is checked against the salary guide as publishing would.
/// </summary>
public sealed record ScreeningPreviewRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Skills = null,
    string? OccupationCode = null,
    string? RegionCode = null,
    decimal? SalaryMin = null,
    decimal? SalaryMax = null,
    int? ExperienceYears = null,
    Education? Education = null)
{
    public Validation Validate()
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(Title) || !string.IsNullOrWhiteSpace(Description), "title", "Give a title or a description to check.")
            .Require(Title is null || Title.Length <= 200, "title", "The title is at most 200 characters.")
            .Require(Description is null || Description.Length <= 20_000, "description", "The description is at most 20,000 characters.")
            .Require(OccupationCode is null || OccupationCode.Length <= 100, "occupationCode", "The occupation code is at most 100 characters.")
            .Require(SalaryMin is null or >= 0, "salaryMin", "The salary cannot be negative.")
            .Require(SalaryMin is null || SalaryMax is null || SalaryMax >= SalaryMin, "salaryMax", "The maximum salary is at least the minimum.")
            .Require(ExperienceYears is null or (>= 0 and <= 50), "experienceYears", "Experience is between 0 and 50 years.")
            .Require(Education is null || Enum.IsDefined(Education.Value), "education", "Education is one of none, juniorMiddle, seniorHigh, vocational, college, bachelor, master, doctorate.")
            .RequireItems(Skills, "skills", CreatePostingRequest.MaxSkills);
        if (RegionCode is not null) validation.RequireRegionCode(RegionCode);
        foreach (var (field, text) in new[] { ("title", Title), ("description", Description), ("occupationCode", OccupationCode) }.Concat((Skills ?? []).Select(skill => ("skills", (string?)skill))))
            validation.Require(TextNormalizer.FindForbidden(text) < 0, field, "This text contains a character that cannot be stored (a control character or a broken surrogate).");
        return validation;
    }

    public PostingContent ToContent() => new(
        Title ?? "", Description ?? "", OccupationCode, Skills ?? [], ExperienceYears, Education?.ToString(), SalaryMin, SalaryMax);
}

/// <summary>What publishing the posting as written would flag, and the salary-guide entry its pay was compared with.</summary>
public sealed record ScreeningPreview(IReadOnlyList<ScreeningFlag> Flags, SalaryGuideEntry? Market);
