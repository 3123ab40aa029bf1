namespace JobMatch.Contracts;

/// <summary>
/// An application moved on: viewed, interview, offer, hired, rejected (with Reason) or withdrawn by the seeker.
/// Matching learns from these outcomes. WithInterview: the move came from scheduling an interview, whose own event
/// (InterviewScheduled) tells the seeker the time and place, so this one needs no notice of its own.
/// </summary>
public sealed record ApplicationStatusChanged(
    Guid ApplicationId, Guid PostingId, Guid SeekerId, string From, string To, string? Reason, DateTimeOffset ChangedAt,
    bool WithInterview = false);
