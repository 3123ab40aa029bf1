namespace JobMatch.Contracts;

/// <summary>
/// An employer invited a seeker to an interview, or moved it (Revision above 1). The job's title, the employer's
/// organisation name, the time and the place go to the seeker's notice; the interview's contact person and phone are
/// personal data and stay in the job-posting service (the seeker reads them on the application).
/// </summary>
public sealed record InterviewScheduled(
    Guid InterviewId, Guid ApplicationId, Guid PostingId, Guid SeekerId, Guid EmployerId, string PostingTitle, string? EmployerName,
    DateTimeOffset At, string Place, int Revision, DateTimeOffset ScheduledAt);
