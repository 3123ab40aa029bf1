using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Auth;

namespace JobPostings.Api.Postings;

/// <summary>A vacancy as stored. Who may see or change it is decided here, in one place.</summary>
public sealed class Posting
{
    public Guid Id { get; init; }
    public Guid EmployerId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? OccupationCode { get; init; }
    public string[] Skills { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public int Vacancies { get; init; }
    public string Status { get; init; } = "";
    public DateTime? ValidUntil { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? PublishedAt { get; init; }
    public DateTime? ClosedAt { get; init; }

    public PostingStatus State => Enum.Parse<PostingStatus>(Status, ignoreCase: true);

    public bool IsOwnedBy(ClaimsPrincipal caller) => caller.EmployerId() == EmployerId;

    /// <summary>Published postings are for everyone signed in; drafts and closed ones for their employer and staff.</summary>
    public bool IsVisibleTo(ClaimsPrincipal caller) => State == PostingStatus.Published || IsOwnedBy(caller) || caller.IsStaff();

    public bool MayBeChangedBy(ClaimsPrincipal caller) => IsOwnedBy(caller) || caller.IsStaff();

    public JobPublished ToJobPublished() => new(
        Id, EmployerId, Title, OccupationCode, Skills, RegionCode, Latitude, Longitude, SalaryMin, SalaryMax,
        new DateTimeOffset(PublishedAt ?? UpdatedAt, TimeSpan.Zero),
        ValidUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null);
}
