using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.SavedSearches;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Postings;

/// <summary>Moves a posting between states: every move is stored with its event, in the caller's transaction.</summary>
public static class PostingLifecycle
{
    public static async Task<Posting> MoveAsync(ServiceTransaction transaction, PostingStore store, Posting posting, PostingStatus to,
        DateTimeOffset now, string? reason = null, string? reviewNote = null)
    {
        var moved = await store.SetStatusAsync(transaction, posting.Id, to, reviewNote);
        await transaction.PublishAsync(new PostingStatusChanged(posting.Id, posting.EmployerId, Name(posting.State), Name(to), reason, now));
        // Matching hears of a posting only when seekers may see it: a same-content copy stays out of search and matching.
        if (to == PostingStatus.Published && moved.DuplicateOf is null)
        {
            await transaction.PublishAsync(moved.ToJobPublished());
            // Saved-search alerts commit with the publication: published means alerted, and a rollback alerts no one.
            foreach (var hit in await SavedSearchStore.MatchAsync(transaction, moved))
                await transaction.PublishAsync(new SavedSearchMatched(hit.SeekerId, moved.Id, moved.Title, hit.SavedSearchIds, now));
        }
        // Leaving publication, however (closed, expired, or taken down after a complaint), matching must drop it.
        if (posting.State == PostingStatus.Published && to != PostingStatus.Published)
            await transaction.PublishAsync(new JobClosed(posting.Id, reason ?? Name(to), now));
        return moved;
    }

    /// <summary>The 409 for a step the posting's state does not allow.</summary>
    public static ProblemHttpResult NotAllowed(Posting posting, string step) => TypedResults.Problem(
        title: $"This posting cannot be {step} now.",
        detail: $"This posting is {Name(posting.State)}.",
        statusCode: StatusCodes.Status409Conflict);

    /// <summary>State names as the API writes them (camelCase), e.g. needsReview.</summary>
    public static string Name(PostingStatus status) =>
        status.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}
