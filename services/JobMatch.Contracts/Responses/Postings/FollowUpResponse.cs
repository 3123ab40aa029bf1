namespace JobMatch.Contracts.Responses.Postings;

/// <summary>A caseworker's follow-up visit (跟踪回访) on an application, and what it found.</summary>
public sealed record FollowUpResponse(
    Guid Id, Guid ApplicationId, Guid CaseworkerId, FollowUpOutcome Outcome, int? DaysInJob, string? Note, DateTime VisitedAt, DateOnly? NextContactOn = null);

/// <summary>What a follow-up visit found: the seeker is in the job, still seeking, or left it (after DaysInJob days).</summary>
public enum FollowUpOutcome
{
    Hired,
    StillSeeking,
    LeftJob,
}
