using System.Text.Json;
using Dapper;
using Npgsql;

namespace Matching.Api.Ranking;

public sealed class StoredModel
{
    public string Version { get; init; } = "";
    public string TrainedOn { get; init; } = "";
    public byte[] Model { get; init; } = [];
    public string[] Features { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? PromotedAt { get; init; }
}

public sealed record ModelSummary(string Version, string TrainedOn, DateTime CreatedAt, DateTime? PromotedAt, DateTime? RetiredAt, JsonElement Metrics);

/// <summary>Ranking models in the service's database: every one trained is kept with its offline metrics; one is promoted.</summary>
public static class ModelStore
{
    public static async Task<StoredModel?> PromotedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredModel>(new CommandDefinition(
            """
            SELECT version, trained_on AS TrainedOn, model, features, created_at AS CreatedAt, promoted_at AS PromotedAt
            FROM ranking_models WHERE promoted_at IS NOT NULL AND retired_at IS NULL
            """, cancellationToken: cancellationToken));

    public static async Task<string?> PromotedVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT version FROM ranking_models WHERE promoted_at IS NOT NULL AND retired_at IS NULL", cancellationToken: cancellationToken));

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
            INSERT INTO ranking_models (version, trained_on, model, features, metrics, promoted_at)
            VALUES (@version, @trainedOn, @model, @features, @metrics::jsonb, CASE WHEN @promote THEN now() END)
            """,
            new { version, trainedOn, model, features = features.ToArray(), metrics = JsonSerializer.Serialize(metrics), promote },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<ModelSummary>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Version, string TrainedOn, DateTime CreatedAt, DateTime? PromotedAt, DateTime? RetiredAt, string Metrics)>(
            new CommandDefinition(
                "SELECT version, trained_on, created_at, promoted_at, retired_at, metrics::text FROM ranking_models ORDER BY created_at DESC LIMIT 50",
                cancellationToken: cancellationToken)))
        .Select(row => new ModelSummary(row.Version, row.TrainedOn, row.CreatedAt, row.PromotedAt, row.RetiredAt,
            JsonDocument.Parse(row.Metrics).RootElement.Clone()))
        .ToList();
}
