namespace JobMatch.Contracts;

/// <summary>A seeker deleted their account: every service drops what it holds about them.</summary>
public sealed record SeekerDeleted(Guid SeekerId, DateTimeOffset DeletedAt);
