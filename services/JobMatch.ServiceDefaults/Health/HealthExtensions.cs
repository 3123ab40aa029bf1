using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace JobMatch.ServiceDefaults.Health;

public static class HealthExtensions
{
    /// <summary>Checks tagged "ready" gate /health/ready; MassTransit tags its bus check "ready" too.</summary>
    public const string ReadyTag = "ready";
    /// <summary>Where orchestrators, the gateway and container health checks look (deployment files are tested against these).</summary>
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no checks: a service that answers at all is alive; restarting it would not fix a database.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
