namespace JobMatch.Contracts;

/// <summary>A seeker applied to a posting (SeekerId is the pseudonymous account id).</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, Guid PostingId, Guid SeekerId, DateTimeOffset SubmittedAt);
