using JobMatch.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Search;

/// <summary>Seekers' search over live postings: Chinese and English text, filters, four orders, keyset pages, facet counts.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapApiGroup("/api/postings/search", "Search", "Search of published postings.");
        // Public, like a job board: published postings only, nothing about any seeker.
        search.MapGet("/", Search).AllowAnonymous().WithName("SearchPostings")
            .WithSummary("Searches published postings by words, place or radius, pay, type, education, experience, key group and 职业分类大典 code (any level); numbered or cursor pages with the total and facets.");
        return endpoints;
    }

    public static async Task<Results<Ok<SearchPage>, ValidationProblem>> Search(
        [AsParameters] SearchQuery query, IndexedSearch search, CancellationToken cancellationToken)
    {
        var validation = query.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok(await search.SearchAsync(query, cancellationToken));
    }
}
