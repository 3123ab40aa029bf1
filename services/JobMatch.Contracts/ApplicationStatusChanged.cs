namespace JobMatch.Contracts;

/// <summary>
/// An application moved on: viewed, interview, offer, hired, rejected (with Reason) or withdrawn by the seeker.
/// Matching learns from these outcomes.
/// </summary>
public sealed record ApplicationStatusChanged(
    Guid ApplicationId, Guid PostingId, Guid SeekerId, string From, string To, string? Reason, DateTimeOffset ChangedAt);
