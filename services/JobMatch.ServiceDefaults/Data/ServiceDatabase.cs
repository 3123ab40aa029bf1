using System.Reflection;
using Npgsql;

namespace JobMatch.ServiceDefaults.Data;

/// <summary>Where the service's database lives and which migrations shape it.</summary>
public sealed class ServiceDatabase(string serverConnectionString, string name, IReadOnlyList<Assembly> migrationAssemblies)
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

    /// <summary>Migrations in apply order: by assembly (ServiceDefaults first), then by file name.</summary>
    public IReadOnlyList<Migration> Migrations() =>
        migrationAssemblies.Distinct().SelectMany(assembly => assembly.GetManifestResourceNames()
                .Where(resource => resource.Contains(".Data.Migrations.", StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(resource => Migration.Load(assembly, resource)))
            .ToList();
}

public sealed record Migration(string Id, string Sql)
{
    public static Migration Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var file = resource[(resource.IndexOf(".Data.Migrations.", StringComparison.Ordinal) + ".Data.Migrations.".Length)..];
        return new Migration($"{assembly.GetName().Name}/{file}", reader.ReadToEnd());
    }
}
