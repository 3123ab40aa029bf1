using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Organisations;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Postings;

public static class PostingsApi
{
    public static IHostApplicationBuilder AddPostingsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostingStore>();
        builder.Services.AddSingleton<Search.SearchStore>();
        builder.Services.AddHostedService<Search.SearchBackfill>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PostingExpiryOptions>().BindConfiguration("Postings:Expiry");
        builder.Services.AddHostedService<PostingExpiry>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPostingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var postings = endpoints.MapApiGroup("/api/postings", "Postings", "Job postings: drafting, screening, publishing and closing.");
        postings.MapPost("/", CreatePosting).RequireAuthorization(Policies.Employer)
            .WithName("CreatePosting").WithSummary("Create a posting as a draft of the caller's.");
        postings.MapGet("/", ListPublishedPostings)
            .WithName("ListPublishedPostings").WithSummary("Published postings, newest first, a page at a time (cursor: the last page's oldest).");
        postings.MapGet("/mine", ListMyPostings).RequireAuthorization(Policies.Employer)
            .WithName("ListMyPostings").WithSummary("The caller's postings in every state.");
        // Public for published postings (job pages anyone can open and share); other states for their owner and staff.
        postings.MapGet("/{id:guid}", GetPosting).AllowAnonymous().WithName("GetPosting")
            .WithSummary("One posting: published ones for anyone, other states for the employer and staff of its region.");
        postings.MapPut("/{id:guid}", EditPosting)
            .WithName("EditPosting").WithSummary("Change a draft (a returned posting is a draft again).");
        postings.MapGet("/{id:guid}/flags", GetScreeningFlags)
            .WithName("GetScreeningFlags").WithSummary("Why screening flagged a posting: each rule with the text it matched.");
        postings.MapPost("/{id:guid}/publish", PublishPosting)
            .WithName("PublishPosting").WithSummary("Submit a draft: it is screened at once, published when clean or queued for a caseworker when flagged.");
        postings.MapPost("/{id:guid}/close", ClosePosting)
            .WithName("ClosePosting").WithSummary("Close a posting: it is no longer shown or matched.");
        return endpoints;
    }

    public static async Task<Results<Created<PostingResponse>, ValidationProblem>> CreatePosting(
        CreatePostingRequest request, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate(clock.GetUtcNow().UtcDateTime);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var employerId = caller.EmployerId()!.Value;
        var employerName = caller.FindFirst(JobMatchClaims.Name)?.Value;
        var posting = await transactions.RunAsync(transaction => store.InsertAsync(transaction, employerId, employerName, request), cancellationToken);
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
        Guid id, ClaimsPrincipal caller, PostingStore store, OrganisationStore organisations, CancellationToken cancellationToken)
    {
        var posting = await store.FindAsync(id, cancellationToken);
        if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
        // The job page names the organisation as registered and shows its verification label.
        var organisation = await organisations.FindAsync(posting.EmployerId, cancellationToken);
        var response = PostingResponse.From(posting) with
        {
            EmployerName = organisation?.LegalName ?? posting.EmployerName,
            OrganisationStatus = organisation?.State,
        };
        // The reviewer's note is for the employer and staff, not for the public job page.
        return TypedResults.Ok(posting.MayBeChangedBy(caller) ? response : response with { ReviewNote = null });
    }

    /// <summary>Only a draft is edited (a returned posting is a draft again); publishing screens the new content.</summary>
    public static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> EditPosting(
        Guid id, CreatePostingRequest request, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var posting = await store.LockAsync(transaction, id);
            if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!posting.IsOwnedBy(caller)) return TypedResults.Forbid();
            if (posting.State != PostingStatus.Draft) return PostingLifecycle.NotAllowed(posting, "edited");
            var validation = request.Validate(now.UtcDateTime);
            if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
            var edited = await store.UpdateContentAsync(transaction, id, posting.EmployerId, request);
            await transaction.PublishAsync(new PostingEdited(id, posting.EmployerId, now));
            return TypedResults.Ok(PostingResponse.From(edited));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<IReadOnlyList<ScreeningFlag>>, NotFound, ForbidHttpResult>> GetScreeningFlags(
        Guid id, ClaimsPrincipal caller, PostingStore store, CancellationToken cancellationToken)
    {
        var posting = await store.FindAsync(id, cancellationToken);
        if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
        if (!posting.MayBeChangedBy(caller)) return TypedResults.Forbid();
        return TypedResults.Ok(await store.FlagsAsync(id, cancellationToken));
    }

    /// <summary>
    /// Submits a draft: it is screened at once (its pay against the salary guide's entry for its occupation and area),
    /// and published when clean or queued for a caseworker when flagged.
    /// Each step (submitted, screening, published / needs review) is its own event, all in one transaction.
    /// </summary>
    public static async Task<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> PublishPosting(
        Guid id, ClaimsPrincipal caller, PostingStore store, OrganisationStore organisations, SalaryGuideStore salaryGuide, Transactions transactions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<PostingResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var posting = await store.LockAsync(transaction, id);
            if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!posting.IsOwnedBy(caller)) return TypedResults.Forbid();
            if (posting.State != PostingStatus.Draft) return PostingLifecycle.NotAllowed(posting, "published");
            if (await OrganisationPublishing.RefusalAsync(transaction, organisations, posting.EmployerId, caller) is { } refused) return refused;

            posting = await PostingLifecycle.MoveAsync(transaction, store, posting, PostingStatus.Submitted, now);
            posting = await PostingLifecycle.MoveAsync(transaction, store, posting, PostingStatus.Screening, now);
            var fingerprint = Screener.Fingerprint(posting.Title, posting.Description);
            var sameContent = await store.FindSameContentAsync(transaction, id, fingerprint);
            var market = await salaryGuide.BenchmarkAsync(transaction, posting.OccupationCode, posting.RegionCode);
            var flags = Screener.Screen(
                new PostingContent(posting.Title, posting.Description, posting.OccupationCode, posting.Skills, posting.ExperienceYears,
                    posting.Education, posting.SalaryMin, posting.SalaryMax),
                copiesAnotherEmployer: sameContent is not null && sameContent.EmployerId != posting.EmployerId, market);
            await store.RecordScreeningAsync(transaction, id, fingerprint, sameContent?.Id, flags);
            if (flags.Count == 0)
            {
                posting = await PostingLifecycle.MoveAsync(transaction, store, posting, PostingStatus.Published, now);
            }
            else
            {
                var rules = flags.Select(flag => flag.Rule).Distinct().ToList();
                posting = await PostingLifecycle.MoveAsync(transaction, store, posting, PostingStatus.NeedsReview, now, string.Join(", ", rules));
                await transaction.PublishAsync(new PostingFlagged(id, posting.EmployerId, posting.RegionCode, rules, now));
            }
            return TypedResults.Ok(PostingResponse.From(posting));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> ClosePosting(
        Guid id, ClaimsPrincipal caller, PostingStore store, Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<PostingResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var posting = await store.LockAsync(transaction, id);
            if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!posting.MayBeChangedBy(caller)) return TypedResults.Forbid();
            if (posting.State != PostingStatus.Published) return PostingLifecycle.NotAllowed(posting, "closed");
            var reason = posting.IsOwnedBy(caller) ? "closed-by-employer" : "closed-by-staff";
            var closed = await PostingLifecycle.MoveAsync(transaction, store, posting, PostingStatus.Closed, now, reason);
            return TypedResults.Ok(PostingResponse.From(closed));
        }, cancellationToken);
    }
}
