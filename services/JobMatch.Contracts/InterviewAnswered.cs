namespace JobMatch.Contracts;

/// <summary>
/// The seeker accepted or declined an interview (of that revision); the employer is told. The seeker's note is not in
/// it: the employer reads it on the application.
/// </summary>
public sealed record InterviewAnswered(
    Guid InterviewId, Guid ApplicationId, Guid PostingId, Guid EmployerId, string PostingTitle, DateTimeOffset At, int Revision,
    bool Accepted, DateTimeOffset AnsweredAt);
