using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Matching.Api.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Matches;

public static class MatchesApi
{
    public static IHostApplicationBuilder AddMatchingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReadModelStore>();
        builder.Services.AddSingleton<Recommender>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMatchesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var matches = endpoints.MapApiGroup("/api/matches", "Matches");
        matches.MapGet("/seekers/{seekerId:guid}/recommendations", GetRecommendations);
        return endpoints;
    }

    /// <summary>A seeker's recommendations with their explanations: for that seeker, or staff serving the seeker's region.</summary>
    public static async Task<Results<Ok<IReadOnlyList<RecommendationResponse>>, NotFound, ForbidHttpResult>> GetRecommendations(
        Guid seekerId, ClaimsPrincipal caller, Recommender recommender, NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        int limit = 20)
    {
        if (caller.IsInRole(Roles.Seeker))
        {
            if (caller.UserId() != seekerId) return TypedResults.NotFound();
        }
        else if (caller.IsStaff())
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var seeker = await ReadModelStore.FindSeekerAsync(connection, null, seekerId, cancellationToken);
            // Outside the caseworker's regions looks the same as no such seeker: staff learn nothing of others' areas.
            if (seeker is null || !caller.MayServeRegion(seeker.RegionCode)) return TypedResults.NotFound();
        }
        else
        {
            return TypedResults.Forbid();
        }

        var matches = await recommender.RecommendAsync(seekerId, Math.Clamp(limit, 1, 100), cancellationToken);
        return matches is null
            ? TypedResults.NotFound()
            : TypedResults.Ok<IReadOnlyList<RecommendationResponse>>(matches.Select(RecommendationResponse.From).ToList());
    }
}
