using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Screening;

/// <summary>A caseworker's decision on a flagged posting needs words: why it was rejected or what to change.</summary>
public sealed record ReviewDecisionRequest(string? Reason);

/// <summary>A flagged posting in the queue, with what screening found.</summary>
public sealed record ReviewItem(PostingResponse Posting, IReadOnlyList<ScreeningFlag> Flags);

/// <summary>
/// The caseworkers' review queue: flagged postings in their regions, approved (published), rejected with a reason,
/// or returned to the employer to edit (a draft again, with the caseworker's note).
/// </summary>
public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var review = endpoints.MapApiGroup("/api/review", "Screening review").RequireAuthorization(Policies.Staff);
        review.MapGet("/", ListQueue);
        review.MapPost("/{id:guid}/approve", Approve);
        review.MapPost("/{id:guid}/reject", Reject);
        review.MapPost("/{id:guid}/return", ReturnToEmployer);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<ReviewItem>>> ListQueue(ClaimsPrincipal caller, PostingStore store, CancellationToken cancellationToken)
    {
        var queue = (await store.ListNeedingReviewAsync(cancellationToken)).Where(posting => caller.MayServeRegion(posting.RegionCode)).Take(200);
        var items = new List<ReviewItem>();
        foreach (var posting in queue) items.Add(new ReviewItem(PostingResponse.From(posting), await store.FlagsAsync(posting.Id, cancellationToken)));
        return TypedResults.Ok<IReadOnlyList<ReviewItem>>(items);
    }

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Approve(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, transactions, clock, PostingStatus.Published, reason: null, reasonRequired: false, cancellationToken);

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Reject(
        Guid id, ReviewDecisionRequest request, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, transactions, clock, PostingStatus.Rejected, request.Reason, reasonRequired: true, cancellationToken);

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReturnToEmployer(
        Guid id, ReviewDecisionRequest request, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, transactions, clock, PostingStatus.Draft, request.Reason, reasonRequired: true, cancellationToken);

    private static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock, PostingStatus to,
        string? reason, bool reasonRequired, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!reasonRequired || !string.IsNullOrWhiteSpace(reason), "reason", "Say why, so the employer knows what to do.")
            .Require(reason is null || reason.Length <= 2000, "reason", "The reason is at most 2,000 characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>>(async transaction =>
        {
            var posting = await store.LockAsync(transaction, id);
            // Review is staff work in their own regions; anywhere else the posting does not exist for them.
            if (posting is null || !caller.MayServeRegion(posting.RegionCode)) return TypedResults.NotFound();
            if (posting.State != PostingStatus.NeedsReview) return PostingLifecycle.NotAllowed(posting, "reviewed");
            var decided = await PostingLifecycle.MoveAsync(transaction, store, posting, to, now, reason?.Trim(), reason?.Trim());
            return TypedResults.Ok(PostingResponse.From(decided));
        }, cancellationToken);
    }
}
