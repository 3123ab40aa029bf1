namespace JobMatch.Contracts;

/// <summary>Screening held a posting for a caseworker's review; Rules names each rule that fired.</summary>
public sealed record PostingFlagged(Guid PostingId, Guid EmployerId, string RegionCode, IReadOnlyList<string> Rules, DateTimeOffset FlaggedAt);
