using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Ranking;

/// <summary>What serves on this instance (a model version or "transparent-fit"), why, the last model that failed to load, and every model trained.</summary>
public sealed record ModelsResponse(string Serving, string Reason, string? LoadFailure, IReadOnlyList<ModelSummary> Models);

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var models = endpoints.MapApiGroup("/api/matches/models", "Ranking models", "The learned ranking models: training, promotion and which one serves.").RequireAuthorization(Policies.Staff);
        models.MapGet("/", GetModels)
            .WithName("ListRankingModels").WithSummary("The ranking models trained so far, which one serves, and how each compared with the transparent fit.");
        models.MapPost("/retrain", Retrain)
            .WithName("RetrainRankingModel").WithSummary("Train a ranking model on the outcomes recorded so far and promote it only if it beats what serves.");
        return endpoints;
    }

    /// <summary>What ranks on this instance and why (the promotion decision), and every model trained, with its offline metrics.</summary>
    public static async Task<Ok<ModelsResponse>> GetModels(ServingModel serving, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(new ModelsResponse(serving.Version, serving.Reason, serving.LoadFailure, await ModelStore.ListAsync(connection, cancellationToken)));
    }

    /// <summary>Retrains from outcomes now (administrators); promotes only a model that beats the serving one and the transparent fit offline.</summary>
    public static async Task<Results<Ok<RetrainOutcome>, ForbidHttpResult>> Retrain(
        System.Security.Claims.ClaimsPrincipal caller, Retrainer retrainer, ModelLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Administrator)) return TypedResults.Forbid();
        var outcome = await retrainer.RetrainAsync(cancellationToken);
        await lifecycle.EnsureServingAsync(cancellationToken);
        return TypedResults.Ok(outcome);
    }
}
