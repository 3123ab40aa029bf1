using Dapper;
using JobMatch.ServiceDefaults.Data;
using JobPostings.Api.Postings;
using Npgsql;

namespace JobPostings.Benchmarks;

/// <summary>A fresh database on the benchmark server with the job-posting service's migrations applied.</summary>
public static class ScratchDatabase
{
    /// <summary>The database an earlier run kept when it holds <paramref name="postings"/> postings (reused: true), else a fresh one.</summary>
    public static async Task<(NpgsqlDataSource DataSource, bool Reused)> OpenOrCreateAsync(string server, string name, long postings)
    {
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            if (await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }))
            {
                var existing = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
                await using var connection = await existing.OpenConnectionAsync();
                var seeded = await connection.ExecuteScalarAsync<long>(
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'postings' AND column_name = 'search_terms') THEN (SELECT count(*) FROM postings) ELSE -1 END");
                if (seeded == postings) return (existing, true);
                await existing.DisposeAsync();
            }
        }
        return (await CreateAsync(server, name), false);
    }

    public static async Task<NpgsqlDataSource> CreateAsync(string server, string name)
    {
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var database = new ServiceDatabase(server, name,
            [new MigrationSource(DatabaseExtensions.MessagingScope, typeof(ServiceDatabase).Assembly), new MigrationSource(JobPostings.Api.Extensions.Identity.Name, typeof(PostingStore).Assembly)]);
        var dataSource = database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var migration in database.Migrations()) await connection.ExecuteAsync(migration.Sql);
        return dataSource;
    }
}
