namespace JobMatch.Contracts;

/// <summary>
/// A seeker gave or withdrew consent for a purpose ("matching", "employer-sharing", "caseworker-contact").
/// Withdrawing "matching" means matching drops its copy of the seeker; "employer-sharing" hides them from employers.
/// </summary>
public sealed record SeekerConsentChanged(Guid SeekerId, string Purpose, bool Granted, DateTimeOffset ChangedAt);
