using System.ComponentModel;
using Matching.Taxonomy;

namespace JobPostings.Api.Postings;

public sealed record PostingResponse(
    Guid Id,
    Guid EmployerId,
    string Title,
    string Description,
    string? OccupationCode,
    IReadOnlyList<string> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    decimal? SalaryMin,
    decimal? SalaryMax,
    int Vacancies,
    PostingStatus Status,
    DateTime? ValidUntil,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    DateTime? ClosedAt,
    IReadOnlyList<string>? OptionalSkills = null,
    Education? Education = null,
    int? ExperienceYears = null,
    bool SalaryNegotiable = false,
    EmploymentType EmploymentType = EmploymentType.FullTime,
    IReadOnlyList<KeyGroup>? KeyGroups = null,
    string? ReviewNote = null,
    string? EmployerName = null,
    string? NationalOccupationCode = null,
    Organisations.OrganisationStatus? OrganisationStatus = null,
    [property: Description("Whether the employer chose nationalOccupationCode (kept through edits) or the service derived it from " +
        "the occupation code or the title (derived again when they change; send it back as read and it stays derived). Null without a code.")]
    NationalOccupationSource? NationalOccupationSource = null)
{
    public static PostingResponse From(Posting posting) => new(
        posting.Id, posting.EmployerId, posting.Title, posting.Description, posting.OccupationCode, posting.Skills,
        posting.RegionCode, posting.Latitude, posting.Longitude, posting.SalaryMin, posting.SalaryMax, posting.Vacancies,
        posting.State, posting.ValidUntil, posting.CreatedAt, posting.PublishedAt, posting.ClosedAt,
        posting.OptionalSkills,
        posting.Education is null ? null : Enum.Parse<Education>(posting.Education),
        posting.ExperienceYears, posting.SalaryNegotiable,
        Enum.Parse<EmploymentType>(posting.EmploymentType),
        posting.KeyGroups.Select(Enum.Parse<KeyGroup>).ToList(),
        posting.ReviewNote,
        posting.EmployerName,
        posting.NationalOccupationCode,
        NationalOccupationSource: posting.NationalSource);
}
