using System.Text.Json;
using Dapper;
using Npgsql;

namespace Matching.Api.Ranking;

public sealed class StoredModel
{
    public string Version { get; init; } = "";
    public string TrainedOn { get; init; } = "";
    public string Format { get; init; } = "";
    public byte[] Model { get; init; } = [];
    public string[] Features { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? PromotedAt { get; init; }
    public string Metrics { get; init; } = "{}";

    /// <summary>The promotion decision's reason recorded with the model (metrics.decision), if any.</summary>
    public string? Decision =>
        JsonDocument.Parse(Metrics).RootElement.TryGetProperty("decision", out var decision) ? decision.GetString() : null;
}

public sealed record ModelSummary(string Version, string TrainedOn, string Format, DateTime CreatedAt, DateTime? PromotedAt, DateTime? RetiredAt,
    JsonElement Metrics);

/// <summary>
/// Ranking models in the service's database: every one trained is kept with its offline metrics and its promotion
/// decision; at most one is promoted. <see cref="CurrentFormat"/> is the only format this build loads.
/// </summary>
public static class ModelStore
{
    /// <summary>An ML.NET model zip (LambdaRank trees); rows stored before issue 13 are "xgboost-ubj".</summary>
    public const string CurrentFormat = "mlnet-zip";

    private const string Columns =
        "version, trained_on AS TrainedOn, format, model, features, created_at AS CreatedAt, promoted_at AS PromotedAt, metrics::text AS Metrics";

    public static async Task<StoredModel?> PromotedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredModel>(new CommandDefinition(
            $"SELECT {Columns} FROM ranking_models WHERE promoted_at IS NOT NULL AND retired_at IS NULL", cancellationToken: cancellationToken));

    public static async Task<string?> PromotedVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT version FROM ranking_models WHERE promoted_at IS NOT NULL AND retired_at IS NULL", cancellationToken: cancellationToken));

    /// <summary>The newest cold-start model trained for this feature set and format, promoted or refused.</summary>
    public static async Task<StoredModel?> LatestColdStartAsync(NpgsqlConnection connection, IReadOnlyList<string> features, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<StoredModel>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM ranking_models
            WHERE trained_on = 'bootstrap' AND format = @format AND features = @features ORDER BY created_at DESC LIMIT 1
            """, new { format = CurrentFormat, features = features.ToArray() }, cancellationToken: cancellationToken));

    /// <summary>The newest model trained for this feature set and format: its decision says why nothing is promoted, when nothing is.</summary>
    public static async Task<StoredModel?> LatestAsync(NpgsqlConnection connection, IReadOnlyList<string> features, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<StoredModel>(new CommandDefinition(
            $"SELECT {Columns} FROM ranking_models WHERE format = @format AND features = @features ORDER BY created_at DESC LIMIT 1",
            new { format = CurrentFormat, features = features.ToArray() }, cancellationToken: cancellationToken));

    /// <summary>Takes a promoted model out of service for good (a format or feature set this build cannot serve).</summary>
    public static async Task RetireAsync(NpgsqlConnection connection, string version, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ranking_models SET retired_at = now() WHERE version = @version AND retired_at IS NULL", new { version },
            cancellationToken: cancellationToken));

    /// <summary>Stores a model; when <paramref name="promote"/>, retires the promoted one in the same transaction.</summary>
    public static async Task SaveAsync(
        NpgsqlConnection connection, string version, string trainedOn, byte[] model, IReadOnlyList<string> features, object metrics, bool promote,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (promote)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ranking_models SET retired_at = now() WHERE promoted_at IS NOT NULL AND retired_at IS NULL", transaction: transaction,
                cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ranking_models (version, trained_on, format, model, features, metrics, promoted_at)
            VALUES (@version, @trainedOn, @format, @model, @features, @metrics::jsonb, CASE WHEN @promote THEN now() END)
            """,
            new { version, trainedOn, format = CurrentFormat, model, features = features.ToArray(), metrics = JsonSerializer.Serialize(metrics), promote },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<ModelSummary>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Version, string TrainedOn, string Format, DateTime CreatedAt, DateTime? PromotedAt, DateTime? RetiredAt, string Metrics)>(
            new CommandDefinition(
                "SELECT version, trained_on, format, created_at, promoted_at, retired_at, metrics::text FROM ranking_models ORDER BY created_at DESC LIMIT 50",
                cancellationToken: cancellationToken)))
        .Select(row => new ModelSummary(row.Version, row.TrainedOn, row.Format, row.CreatedAt, row.PromotedAt, row.RetiredAt,
            JsonDocument.Parse(row.Metrics).RootElement.Clone()))
        .ToList();
}
