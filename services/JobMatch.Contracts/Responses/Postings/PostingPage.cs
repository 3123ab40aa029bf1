namespace JobMatch.Contracts.Responses.Postings;

/// <summary>One page of postings; pass Next's fields back as beforePublishedAt/beforeId for the following page.</summary>
public sealed record PostingPage(IReadOnlyList<PostingResponse> Items, PostingCursor? Next);

public sealed record PostingCursor(DateTime BeforePublishedAt, Guid BeforeId);
