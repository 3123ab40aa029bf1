using System.Security.Claims;
using JobMatch.ServiceDefaults.Auth;

namespace JobPostings.Api.Applications;

/// <summary>An application as stored, with its posting's owner and region, which decide who may see and change it.</summary>
public sealed class Application
{
    public Guid Id { get; init; }
    public Guid PostingId { get; init; }
    public Guid SeekerId { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
    public string? CoverNote { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public Guid EmployerId { get; init; }
    public string RegionCode { get; init; } = "";
    public string PostingTitle { get; init; } = "";
    /// <summary>The posting's organisation as registered (else the name its account gave), for the seeker's notices.</summary>
    public string? EmployerName { get; init; }
    /// <summary>The employer's request for the seeker's contact: null (never asked), requested, accepted or declined.</summary>
    public string? ContactRequest { get; init; }

    public ApplicationStatus State => Enum.Parse<ApplicationStatus>(Status, ignoreCase: true);

    public ContactRequestStatus? ContactRequestState => ContactRequest is null ? null : Enum.Parse<ContactRequestStatus>(ContactRequest, ignoreCase: true);

    public bool IsFinal => State is ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    public bool IsSeekers(ClaimsPrincipal caller) => caller.IsInRole(Roles.Seeker) && caller.UserId() == SeekerId;

    /// <summary>The posting's employer and staff serving its region move it on.</summary>
    public bool MayBeDecidedBy(ClaimsPrincipal caller) => caller.ActsForEmployer(EmployerId) || caller.MayServeRegion(RegionCode);

    /// <summary>The seeker, the posting's employer and staff of the region; for anyone else it does not exist.</summary>
    public bool IsVisibleTo(ClaimsPrincipal caller) => IsSeekers(caller) || MayBeDecidedBy(caller);

    /// <summary>The steps an employer may take from here: forward through the process, or reject at any open step.</summary>
    public static bool EmployerMayMove(ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (ApplicationStatus.Submitted, ApplicationStatus.Viewed or ApplicationStatus.Interview or ApplicationStatus.Rejected) => true,
        (ApplicationStatus.Viewed, ApplicationStatus.Interview or ApplicationStatus.Offer or ApplicationStatus.Rejected) => true,
        (ApplicationStatus.Interview, ApplicationStatus.Offer or ApplicationStatus.Rejected) => true,
        (ApplicationStatus.Offer, ApplicationStatus.Hired or ApplicationStatus.Rejected) => true,
        _ => false,
    };
}

public sealed record ApplyRequest(string? CoverNote);

public sealed record MoveApplicationRequest(ApplicationStatus? Status, string? Reason);
