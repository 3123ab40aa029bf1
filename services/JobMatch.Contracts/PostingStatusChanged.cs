namespace JobMatch.Contracts;

/// <summary>A posting moved through its lifecycle (submitted, screening, needs review, published, rejected, closed, expired…).</summary>
public sealed record PostingStatusChanged(Guid PostingId, Guid EmployerId, string From, string To, string? Reason, DateTimeOffset ChangedAt);
