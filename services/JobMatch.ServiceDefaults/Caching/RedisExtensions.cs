using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace JobMatch.ServiceDefaults.Caching;

public static class RedisExtensions
{
    /// <summary>
    /// One Redis connection per process (ConnectionStrings:Redis), made on first use and never failing start-up:
    /// Redis carries shared counters and fan-out, nothing a service cannot run without for a while.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Options(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.")))));
        return builder;
    }

    /// <summary>How every component connects: never failing start-up, short timeouts, and only the commands its
    /// Redis user is given (deploy/redis/users.acl).</summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        // Short by default (a slow Redis must not hold requests up); a connection string may say otherwise.
        if (!Names(connectionString, "connectTimeout")) configuration.ConnectTimeout = 2000;
        if (!Names(connectionString, "syncTimeout")) configuration.SyncTimeout = 1000;
        // One server, no replicas to elect between: no tie-breaker key and no configuration channel, so a
        // component's Redis user needs neither.
        configuration.TieBreaker = "";
        configuration.ConfigurationChannel = "";
        // Nor CONFIG (it would read the server's secrets) or CLUSTER: a single server is all it talks to.
        configuration.CommandMap = CommandMap.Create(new HashSet<string> { "CONFIG", "CLUSTER" }, available: false);
        return configuration;
    }

    private static bool Names(string connectionString, string option) =>
        connectionString.Split(',').Any(part => part.Trim().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));
}
