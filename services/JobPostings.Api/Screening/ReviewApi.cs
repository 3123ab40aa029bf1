using System.Security.Claims;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Complaints;
using JobPostings.Api.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Screening;

/// <summary>A caseworker's decision on a flagged posting needs words: why it was rejected or what to change.</summary>
public sealed record ReviewDecisionRequest(string? Reason);

/// <summary>
/// The caseworkers' review queue: postings screening held, and published postings someone reported, in their regions.
/// A held posting is approved (published), rejected with a reason, or returned to the employer to edit (a draft again,
/// with the caseworker's note). For a reported posting, approving dismisses the complaints and it stays up; rejecting
/// or returning upholds them and takes it down (matching hears JobClosed).
/// </summary>
public static class ReviewApi
{
    private const int QueueLength = 200;

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var review = endpoints.MapApiGroup("/api/review", "Screening review", "The caseworkers' queue of flagged and reported postings.").RequireAuthorization(Policies.Staff);
        review.MapGet("/", ListQueue).WithName("ListReviewQueue")
            .WithSummary("Flagged and reported postings in the caller's regions, oldest wait first, with their flags and open complaints.");
        review.MapPost("/{id:guid}/approve", Approve).WithName("ApprovePosting")
            .WithSummary("Publish a flagged posting, or dismiss the complaints about a reported one.");
        review.MapPost("/{id:guid}/reject", Reject).WithName("RejectPosting")
            .WithSummary("Reject a flagged or reported posting, with the reason.");
        review.MapPost("/{id:guid}/return", ReturnToEmployer).WithName("ReturnPostingToEmployer")
            .WithSummary("Return a flagged or reported posting to its employer as a draft, with what to change.");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<ReviewItem>>> ListQueue(
        ClaimsPrincipal caller, PostingStore store, ComplaintStore complaints, CancellationToken cancellationToken)
    {
        var prefixes = caller.IsInRole(Roles.Administrator) ? null : caller.Regions().Select(RegionCodes.Prefix).ToList();
        var queue = (await store.ListForReviewAsync(prefixes, QueueLength, cancellationToken)).Where(posting => caller.MayServeRegion(posting.RegionCode)).ToList();
        var ids = queue.Select(posting => posting.Id).ToList();
        var flags = await store.FlagsForAsync(ids, cancellationToken);
        var open = await complaints.OpenForAsync(ids, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReviewItem>>(
            queue.Select(posting => new ReviewItem(PostingResponse.From(posting), flags[posting.Id].ToList(), open[posting.Id].ToList())).ToList());
    }

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Approve(
        Guid id, ClaimsPrincipal caller, PostingStore store, ComplaintStore complaints, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, complaints, transactions, clock, PostingStatus.Published, reason: null, reasonRequired: false, cancellationToken);

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Reject(
        Guid id, ReviewDecisionRequest request, ClaimsPrincipal caller, PostingStore store, ComplaintStore complaints, Transactions transactions,
        TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, complaints, transactions, clock, PostingStatus.Rejected, request.Reason, reasonRequired: true, cancellationToken);

    public static Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReturnToEmployer(
        Guid id, ReviewDecisionRequest request, ClaimsPrincipal caller, PostingStore store, ComplaintStore complaints, Transactions transactions,
        TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, caller, store, complaints, transactions, clock, PostingStatus.Draft, request.Reason, reasonRequired: true, cancellationToken);

    private static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(
        Guid id, ClaimsPrincipal caller, PostingStore store, ComplaintStore complaints, Transactions transactions, TimeProvider clock, PostingStatus to,
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
            var reported = posting.State == PostingStatus.Published && await complaints.AnyOpenAsync(transaction, id);
            if (posting.State != PostingStatus.NeedsReview && !reported) return PostingLifecycle.NotAllowed(posting, "reviewed");
            if (reported) await complaints.ResolveOpenAsync(transaction, id, caller.UserId(), upheld: to != PostingStatus.Published);
            if (to == posting.State) return TypedResults.Ok(PostingResponse.From(posting));
            // A reported posting taken down says so in its events; a held one carries the caseworker's words as before.
            var eventReason = reported ? (to == PostingStatus.Rejected ? "rejected-after-complaint" : "returned-after-complaint") : reason?.Trim();
            var decided = await PostingLifecycle.MoveAsync(transaction, store, posting, to, now, eventReason, reason?.Trim());
            return TypedResults.Ok(PostingResponse.From(decided));
        }, cancellationToken);
    }
}
