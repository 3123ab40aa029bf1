using System.Reflection;
using Npgsql;

namespace JobMatch.ServiceDefaults.Data;

/// <summary>Where the service's database lives and which migrations shape it.</summary>
public sealed class ServiceDatabase(string serverConnectionString, string name, IReadOnlyList<MigrationSource> migrationSources)
{
    public string Name { get; } = name;

    public string ConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;

    public NpgsqlDataSource CreateDataSource() => new NpgsqlDataSourceBuilder(ConnectionString).Build();

    /// <summary>Creates the database if it does not exist; safe when several instances start at once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = Name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first.
        }
    }

    /// <summary>Migrations in apply order: by source (the shared messaging tables first), then by file name.</summary>
    public IReadOnlyList<Migration> Migrations() =>
        migrationSources.DistinctBy(source => source.Assembly).SelectMany(source => source.Assembly.GetManifestResourceNames()
                .Where(resource => resource.Contains(".Data.Migrations.", StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(resource => Migration.Load(source, resource)))
            .ToList();
}

/// <summary>The SQL files embedded in an assembly, and the scope their ids carry (the service's name).</summary>
public sealed record MigrationSource(string Scope, Assembly Assembly);

/// <summary>
/// One migration: its id is <c>{scope}/{file}</c>, so renaming a project does not make every migration look new.
/// <see cref="LegacyId"/> is the id the same file had when ids carried the assembly's name; the migrator renames
/// such rows in place before it reads what was applied.
/// </summary>
public sealed record Migration(string Id, string LegacyId, string Sql)
{
    public static Migration Load(MigrationSource source, string resource)
    {
        using var stream = source.Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var file = resource[(resource.IndexOf(".Data.Migrations.", StringComparison.Ordinal) + ".Data.Migrations.".Length)..];
        return new Migration($"{source.Scope}/{file}", $"{source.Assembly.GetName().Name}/{file}", reader.ReadToEnd());
    }
}
