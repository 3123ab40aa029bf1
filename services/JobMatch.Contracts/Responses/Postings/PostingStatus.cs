namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// Where a posting is in its life: Draft → Submitted → Screening → Published, or → NeedsReview → Published / Rejected
/// (or back to Draft when a caseworker returns it for editing); Published → Closed, or Expired when its validity ends.
/// </summary>
public enum PostingStatus
{
    Draft,
    Submitted,
    Screening,
    NeedsReview,
    Published,
    Rejected,
    Closed,
    Expired,
}
