using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Matching.Ranking;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Ranking;

public sealed record ModelsResponse(string Serving, IReadOnlyList<ModelSummary> Models);

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var models = endpoints.MapApiGroup("/api/matches/models", "Ranking models").RequireAuthorization(Policies.Staff);
        models.MapGet("/", GetModels);
        models.MapPost("/retrain", Retrain);
        return endpoints;
    }

    /// <summary>The model serving on this instance and every model trained, with its offline metrics.</summary>
    public static async Task<Ok<ModelsResponse>> GetModels(RankerSlot slot, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(new ModelsResponse(slot.Current?.Version ?? "none", await ModelStore.ListAsync(connection, cancellationToken)));
    }

    /// <summary>Retrains from outcomes now (administrators); promotes only a model that beats the serving one offline.</summary>
    public static async Task<Results<Ok<RetrainOutcome>, ForbidHttpResult>> Retrain(
        System.Security.Claims.ClaimsPrincipal caller, Retrainer retrainer, ModelLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Administrator)) return TypedResults.Forbid();
        var outcome = await retrainer.RetrainAsync(cancellationToken);
        await lifecycle.EnsureServingAsync(cancellationToken);
        return TypedResults.Ok(outcome);
    }
}
