namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// An application as its readers see it: with the interview, if one is scheduled (its contact for the seeker and the
/// employer), and where the employer's contact request stands.
/// </summary>
public sealed record ApplicationResponse(
    Guid Id, Guid PostingId, string PostingTitle, Guid SeekerId, ApplicationStatus Status, string? Reason, string? CoverNote,
    DateTime CreatedAt, DateTime UpdatedAt, string? EmployerName = null, ContactRequestStatus? ContactRequest = null,
    InterviewResponse? Interview = null);

/// <summary>Where an application is: the employer moves it on; the seeker may withdraw it until it is decided.</summary>
public enum ApplicationStatus
{
    Submitted,
    Viewed,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

/// <summary>The employer's request for a seeker's contact, and the seeker's answer.</summary>
public enum ContactRequestStatus
{
    Requested,
    Accepted,
    Declined,
}
