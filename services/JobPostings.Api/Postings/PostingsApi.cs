using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Postings;

public static class PostingsApi
{
    public static IHostApplicationBuilder AddPostingsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostingStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static IEndpointRouteBuilder MapPostingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var postings = endpoints.MapApiGroup("/api/postings", "Postings");
        postings.MapPost("/", CreatePosting).RequireAuthorization(Policies.Employer);
        postings.MapGet("/", ListPublishedPostings);
        postings.MapGet("/mine", ListMyPostings).RequireAuthorization(Policies.Employer);
        postings.MapGet("/{id:guid}", GetPosting);
        postings.MapPost("/{id:guid}/publish", PublishPosting);
        postings.MapPost("/{id:guid}/close", ClosePosting);
        return endpoints;
    }

    public static async Task<Results<Created<PostingResponse>, ValidationProblem>> CreatePosting(
        CreatePostingRequest request, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate(clock.GetUtcNow().UtcDateTime);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var employerId = caller.EmployerId()!.Value;
        var posting = await transactions.RunAsync(transaction => store.InsertAsync(transaction, employerId, request), cancellationToken);
        return TypedResults.Created($"/api/postings/{posting.Id}", PostingResponse.From(posting));
    }

    public static async Task<Ok<PostingPage>> ListPublishedPostings(
        PostingStore store, CancellationToken cancellationToken, int limit = 20, DateTime? beforePublishedAt = null, Guid? beforeId = null)
    {
        limit = Math.Clamp(limit, 1, 100);
        var postings = await store.ListPublishedAsync(limit, beforePublishedAt?.ToUniversalTime(), beforeId, cancellationToken);
        return TypedResults.Ok(PostingPage.From(postings, limit));
    }

    public static async Task<Ok<IReadOnlyList<PostingResponse>>> ListMyPostings(
        ClaimsPrincipal caller, PostingStore store, CancellationToken cancellationToken)
    {
        var postings = await store.ListByEmployerAsync(caller.EmployerId()!.Value, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PostingResponse>>(postings.Select(PostingResponse.From).ToList());
    }

    public static async Task<Results<Ok<PostingResponse>, NotFound>> GetPosting(
        Guid id, ClaimsPrincipal caller, PostingStore store, CancellationToken cancellationToken)
    {
        var posting = await store.FindAsync(id, cancellationToken);
        return posting is not null && posting.IsVisibleTo(caller) ? TypedResults.Ok(PostingResponse.From(posting)) : TypedResults.NotFound();
    }

    public static Task<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> PublishPosting(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions, CancellationToken cancellationToken) =>
        ChangeStatus(id, caller, store, transactions, PostingStatus.Draft, PostingStatus.Published,
            posting => posting.ToJobPublished(), cancellationToken);

    public static Task<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> ClosePosting(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeStatus(id, caller, store, transactions, PostingStatus.Published, PostingStatus.Closed,
            posting => new JobClosed(posting.Id, "closed-by-employer", clock.GetUtcNow()), cancellationToken);

    /// <summary>A lifecycle step: checked against the owner and the current state, stored with its event, or refused.</summary>
    private static Task<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeStatus<TEvent>(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions,
        PostingStatus from, PostingStatus to, Func<Posting, TEvent> announce, CancellationToken cancellationToken) where TEvent : class =>
        transactions.RunAsync<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var posting = await store.LockAsync(transaction, id);
            if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!posting.MayBeChangedBy(caller)) return TypedResults.Forbid();
            if (posting.State != from)
            {
                return TypedResults.Problem(
                    title: $"Only a {from.ToString().ToLowerInvariant()} posting can become {to.ToString().ToLowerInvariant()}.",
                    detail: $"This posting is {posting.State.ToString().ToLowerInvariant()}.",
                    statusCode: StatusCodes.Status409Conflict);
            }
            var changed = await store.SetStatusAsync(transaction, id, to);
            await transaction.PublishAsync(announce(changed));
            return TypedResults.Ok(PostingResponse.From(changed));
        }, cancellationToken);
}
