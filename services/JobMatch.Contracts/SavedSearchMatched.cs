namespace JobMatch.Contracts;

/// <summary>
/// A newly published posting matches searches a seeker saved. One event per seeker and posting, however many of
/// their searches it matches (SavedSearchIds names them), and never twice for the same posting. No search terms.
/// </summary>
public sealed record SavedSearchMatched(
    Guid SeekerId, Guid PostingId, string PostingTitle, IReadOnlyList<Guid> SavedSearchIds, DateTimeOffset MatchedAt);
