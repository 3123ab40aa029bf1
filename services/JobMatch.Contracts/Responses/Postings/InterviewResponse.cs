namespace JobMatch.Contracts.Responses.Postings;

/// <summary>An interview as the seeker and the posting's employer read it, the contact opened.</summary>
public sealed record InterviewResponse(
    Guid Id, DateTimeOffset At, string Place, string ContactName, string ContactPhone, InterviewStatus Status, string? SeekerNote, int Revision,
    DateTime ScheduledAt, DateTime? AnsweredAt);

/// <summary>Where an interview stands: proposed to the seeker, accepted or declined by them, or cancelled by the employer.</summary>
public enum InterviewStatus
{
    Proposed,
    Accepted,
    Declined,
    Cancelled,
}
