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
        builder.Services.AddSingleton(provider => new Lazy<ConnectionMultiplexer>(() =>
        {
            var configuration = ConfigurationOptions.Parse(
                provider.GetRequiredService<IConfiguration>().GetConnectionString("Redis")
                ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured."));
            configuration.AbortOnConnectFail = false;
            configuration.ConnectTimeout = 2000;
            configuration.SyncTimeout = 1000;
            return ConnectionMultiplexer.Connect(configuration);
        }));
        return builder;
    }
}
