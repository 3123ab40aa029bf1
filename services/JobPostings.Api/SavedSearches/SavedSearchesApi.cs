using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.SavedSearches;

/// <summary>
/// Seekers save searches and are alerted (SavedSearchMatched → notifications) when a newly published posting matches
/// one, at most once per posting. Each seeker sees and deletes only their own: the owner is the caller, never a parameter.
/// </summary>
public static class SavedSearchesApi
{
    public static IHostApplicationBuilder AddSavedSearchesServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SavedSearchStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSavedSearchesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var saved = endpoints.MapApiGroup("/api/saved-searches", "Saved searches", "A seeker's saved searches, notified when new postings match.").RequireAuthorization(Policies.Seeker);
        saved.MapPost("/", CreateSavedSearch)
            .WithName("CreateSavedSearch").WithSummary("Save a search; new postings that match it are notified.");
        saved.MapGet("/", ListMySavedSearches)
            .WithName("ListMySavedSearches").WithSummary("The signed-in seeker's saved searches.");
        saved.MapDelete("/{id:guid}", DeleteSavedSearch)
            .WithName("DeleteSavedSearch").WithSummary("Delete one of the seeker's saved searches.");
        return endpoints;
    }

    public static async Task<Results<Created<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>> CreateSavedSearch(
        SavedSearchRequest request, ClaimsPrincipal caller, SavedSearchStore store, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var saved = await transactions.RunAsync(transaction => store.AddAsync(transaction, caller.UserId(), request), cancellationToken);
        return saved is null
            ? TypedResults.Problem(title: "Too many saved searches.", detail: $"Delete one first: a seeker keeps at most {SavedSearchStore.MaxPerSeeker}.",
                statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Created($"/api/saved-searches/{saved.Id}", saved);
    }

    public static async Task<Ok<IReadOnlyList<SavedSearchResponse>>> ListMySavedSearches(
        ClaimsPrincipal caller, SavedSearchStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(caller.UserId(), cancellationToken));

    public static async Task<Results<NoContent, NotFound>> DeleteSavedSearch(
        Guid id, ClaimsPrincipal caller, SavedSearchStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.UserId(), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
