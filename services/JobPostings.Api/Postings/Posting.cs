using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Auth;
using Matching.Taxonomy;

namespace JobPostings.Api.Postings;

/// <summary>A vacancy as stored. Who may see or change it is decided here, in one place.</summary>
public sealed class Posting
{
    public Guid Id { get; init; }
    public Guid EmployerId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? OccupationCode { get; init; }
    /// <summary>The 职业分类大典 细类, as the employer gave it or derived from the ESCO code or the title.</summary>
    public string? NationalOccupationCode { get; init; }
    /// <summary>"chosen" or "derived" as stored; null for no code, and for rows from before migration 020 (<see cref="NationalSource"/>).</summary>
    public string? NationalOccupationSource { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] OptionalSkills { get; init; } = [];
    public string? Education { get; init; }
    public int? ExperienceYears { get; init; }
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public bool SalaryNegotiable { get; init; }
    public string EmploymentType { get; init; } = nameof(JobMatch.Contracts.Responses.Postings.EmploymentType.FullTime);
    public string[] KeyGroups { get; init; } = [];
    public int Vacancies { get; init; }
    public string Status { get; init; } = "";
    public string? ReviewNote { get; init; }
    public string? ContentFingerprint { get; init; }
    public Guid? DuplicateOf { get; init; }
    public DateTime? ValidUntil { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public DateTime? PublishedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    /// <summary>The employer's name as its account named it when the posting was created (organisations will replace it).</summary>
    public string? EmployerName { get; init; }

    public PostingStatus State => Enum.Parse<PostingStatus>(Status, ignoreCase: true);

    public bool IsOwnedBy(ClaimsPrincipal caller) => caller.ActsForEmployer(EmployerId);

    /// <summary>
    /// Published postings are for everyone signed in; every other state for their employer, administrators, and
    /// caseworkers of the posting's region (a caseworker elsewhere is told it does not exist).
    /// </summary>
    public bool IsVisibleTo(ClaimsPrincipal caller) =>
        State == PostingStatus.Published || IsOwnedBy(caller) || caller.MayServeRegion(RegionCode);

    /// <summary>The owner, or staff serving the posting's region.</summary>
    public bool MayBeChangedBy(ClaimsPrincipal caller) => IsOwnedBy(caller) || caller.MayServeRegion(RegionCode);

    /// <summary>Applicants are the owner's business, and that of staff serving the region; never another employer's.</summary>
    public bool ApplicantsAreVisibleTo(ClaimsPrincipal caller) => MayBeChangedBy(caller);

    /// <summary>Live for seekers: published and not past its validity, even before the expiry sweep has run.</summary>
    public bool IsLive(DateTime now) => State == PostingStatus.Published && (ValidUntil is null || ValidUntil > now);

    /// <summary>Whether the employer chose the 细类 or the service derived it (from the ESCO code, else the title).</summary>
    public JobMatch.Contracts.NationalOccupationSource? NationalSource => NationalOccupationChoice.SourceOf(SkillTaxonomy.Shared,
        NationalOccupationCode, NationalOccupationSource is { } stored ? Enum.Parse<JobMatch.Contracts.NationalOccupationSource>(stored, ignoreCase: true) : null,
        [OccupationCode], Title);

    public JobPublished ToJobPublished() => new(
        Id, EmployerId, Title, OccupationCode, Skills, RegionCode, Latitude, Longitude, SalaryMin, SalaryMax,
        new DateTimeOffset(PublishedAt ?? UpdatedAt, TimeSpan.Zero),
        ValidUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
        OptionalSkills, EmploymentType, KeyGroups, ExperienceYears, Education, Description, NationalOccupationCode);
}
