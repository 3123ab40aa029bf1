namespace JobMatch.Contracts.Responses.Postings;

/// <summary>A posting as the job-posting service answers it (the reviewer's note only for its owner and staff).</summary>
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
    OrganisationStatus? OrganisationStatus = null,
    [property: System.ComponentModel.Description("Whether the employer chose nationalOccupationCode (kept through edits) or the service derived it from " +
        "the occupation code or the title (derived again when they change; send it back as read and it stays derived). Null without a code.")]
    NationalOccupationSource? NationalOccupationSource = null);
