namespace JobMatch.Contracts;

/// <summary>
/// A seeker applied to a posting (SeekerId is the pseudonymous account id). EmployerId is the posting's employer
/// (organisation): the profile service learns from it which employer may read the applicant's card. PostingTitle and
/// EmployerName (the organisation's legal name) let the seeker's audit log say who read their contact for which job.
/// </summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId, Guid PostingId, Guid SeekerId, DateTimeOffset SubmittedAt, Guid? EmployerId = null, string? PostingTitle = null,
    string? EmployerName = null);
