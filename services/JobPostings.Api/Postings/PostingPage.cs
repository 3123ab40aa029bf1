namespace JobPostings.Api.Postings;

/// <summary>One page of postings; pass Next's fields back as beforePublishedAt/beforeId for the following page.</summary>
public sealed record PostingPage(IReadOnlyList<PostingResponse> Items, PostingCursor? Next)
{
    public static PostingPage From(IReadOnlyList<Posting> postings, int limit) =>
        new(postings.Select(PostingResponse.From).ToList(),
            postings.Count == limit ? new PostingCursor(postings[^1].PublishedAt!.Value, postings[^1].Id) : null);
}

public sealed record PostingCursor(DateTime BeforePublishedAt, Guid BeforeId);
