using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMatch.ServiceDefaults.Data;

/// <summary>
/// Applies pending migrations at start-up, each once, in one transaction under an advisory lock so that
/// instances starting together do not race. Migrations are hand-written SQL (docs/decisions/002). Rows recorded
/// under the older assembly-named ids are renamed to the scoped ids first, so an existing database is not migrated
/// again.
/// </summary>
internal sealed partial class DatabaseMigrator(ServiceDatabase database, NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private const long MigrationLockKey = 0x4A6F624D61746368; // "JobMatch"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            transaction: transaction);
        var migrations = database.Migrations();
        await connection.ExecuteAsync(
            "UPDATE schema_migrations SET id = m.id FROM unnest(@ids, @legacyIds) AS m(id, legacy_id) WHERE schema_migrations.id = m.legacy_id",
            new { ids = migrations.Select(m => m.Id).ToArray(), legacyIds = migrations.Select(m => m.LegacyId).ToArray() }, transaction);
        var applied = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations", transaction: transaction)).ToHashSet();
        foreach (var migration in migrations.Where(migration => !applied.Contains(migration.Id)))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (id) VALUES (@Id)", new { migration.Id }, transaction);
            LogApplied(migration.Id, database.Name);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to {Database}")]
    private partial void LogApplied(string migration, string database);
}
