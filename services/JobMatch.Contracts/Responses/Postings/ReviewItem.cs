namespace JobMatch.Contracts.Responses.Postings;

/// <summary>A posting in the queue, with what screening found and the open complaints about it.</summary>
public sealed record ReviewItem(PostingResponse Posting, IReadOnlyList<ScreeningFlag> Flags, IReadOnlyList<ComplaintResponse>? Complaints = null);
