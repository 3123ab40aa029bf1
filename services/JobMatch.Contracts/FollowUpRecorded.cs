namespace JobMatch.Contracts;

/// <summary>
/// A caseworker recorded a follow-up visit (跟踪回访) on a placement: Outcome is hired, still-seeking or left-job
/// (then DaysInJob says after how long). Matching learns from these outcomes.
/// </summary>
public sealed record FollowUpRecorded(
    Guid FollowUpId, Guid ApplicationId, Guid PostingId, Guid SeekerId, string Outcome, int? DaysInJob, DateTimeOffset VisitedAt);
