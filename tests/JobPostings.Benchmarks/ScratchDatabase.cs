using Dapper;
using JobMatch.ServiceDefaults.Data;
using JobPostings.Api.Postings;
using Npgsql;

namespace JobPostings.Benchmarks;

/// <summary>A fresh database on the benchmark server with the job-posting service's migrations applied.</summary>
public static class ScratchDatabase
{
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
