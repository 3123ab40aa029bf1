using System.Reflection;
using JobMatch.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace JobMatch.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>The scope of the outbox and inbox tables' migrations, which every service shares.</summary>
    public const string MessagingScope = "messaging";

    /// <summary>
    /// The service's own PostgreSQL database: created if missing, migrated at start-up from the SQL files
    /// embedded under Data/Migrations (ServiceDefaults' messaging tables first), checked by /health/ready.
    /// ConnectionStrings:Postgres names the server; Database:Name overrides the database (tests use their own).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(this IHostApplicationBuilder builder, ServiceIdentity service, Assembly migrations)
    {
        builder.Services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var server = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
            return new ServiceDatabase(server, configuration["Database:Name"] ?? service.DatabaseName,
                [new MigrationSource(MessagingScope, typeof(DatabaseExtensions).Assembly), new MigrationSource(service.Name, migrations)]);
        });
        builder.Services.AddSingleton(provider => provider.GetRequiredService<ServiceDatabase>().CreateDataSource());
        // Registered before the bus and the outbox relay, and hosted services start in order: nothing reads
        // or consumes before the schema is current.
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthExtensions.ReadyTag]);
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        return builder;
    }
}
