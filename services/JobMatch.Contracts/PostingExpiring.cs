namespace JobMatch.Contracts;

/// <summary>A published posting will expire soon (sent once per posting), so its employer may renew or close it.</summary>
public sealed record PostingExpiring(Guid PostingId, Guid EmployerId, string Title, DateTimeOffset ValidUntil, DateTimeOffset WarnedAt);
