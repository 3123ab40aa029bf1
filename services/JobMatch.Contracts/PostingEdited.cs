namespace JobMatch.Contracts;

/// <summary>An employer changed a draft posting's content.</summary>
public sealed record PostingEdited(Guid PostingId, Guid EmployerId, DateTimeOffset EditedAt);
