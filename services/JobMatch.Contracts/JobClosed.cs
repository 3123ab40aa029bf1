namespace JobMatch.Contracts;

/// <summary>A posting left search and matching (closed by its employer, filled, or expired).</summary>
public sealed record JobClosed(Guid PostingId, string Reason, DateTimeOffset ClosedAt);
