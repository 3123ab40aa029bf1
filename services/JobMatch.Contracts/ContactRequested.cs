namespace JobMatch.Contracts;

/// <summary>
/// An employer asked a seeker who has not consented to sharing with employers for their contact, for one application;
/// the seeker is asked to accept or decline.
/// </summary>
public sealed record ContactRequested(
    Guid ApplicationId, Guid PostingId, Guid SeekerId, Guid EmployerId, string PostingTitle, string? EmployerName, DateTimeOffset RequestedAt);

/// <summary>
/// The seeker answered an employer's contact request. Accepted: the employer may read the seeker's name and phone for
/// this application only (the profile service keeps the answer and serves them).
/// </summary>
public sealed record ContactRequestAnswered(
    Guid ApplicationId, Guid PostingId, Guid SeekerId, Guid EmployerId, bool Accepted, DateTimeOffset AnsweredAt);
