using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Configuration;
using JobMatch.ServiceDefaults.Health;
using JobMatch.ServiceDefaults.OpenApi;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JobMatch.ServiceDefaults;

/// <summary>What every JobMatch service has: telemetry, logs, health, problem details, authentication, OpenAPI.</summary>
public static class ServiceDefaultsExtensions
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, ServiceIdentity service)
    {
        builder.AddBasicServiceDefaults(service);
        builder.AddDefaultHealthChecks();
        builder.AddDefaultProblemDetails();
        builder.AddDefaultAuthentication();
        builder.Services.AddDefaultOpenApi(service);
        return builder;
    }

    /// <summary>
    /// What every JobMatch host has, APIs or not (the gateway, the portal): the checkout's local secrets in
    /// Development, logs, telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddBasicServiceDefaults(this IHostApplicationBuilder builder, ServiceIdentity service)
    {
        builder.AddLocalSecrets(service.Name);
        builder.AddStructuredLogging();
        builder.AddDefaultTelemetry(service.Name);
        return builder;
    }

    /// <summary>Middleware and endpoints every service exposes, in the order they must run.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseDefaultMiddleware();
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment()) app.MapApiReference();
        return app;
    }

    /// <summary>
    /// Errors as problem details, then who the caller is and what they may do (services and
    /// gateway). <paramref name="afterAuthentication"/> runs once the caller is known but before any request is
    /// refused for lack of rights (the gateway counts rate limits there, so anonymous floods are counted too).
    /// </summary>
    public static IApplicationBuilder UseDefaultMiddleware(this IApplicationBuilder app, Action<IApplicationBuilder>? afterAuthentication = null)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The group every feature's endpoints hang off: problem details for errors, its OpenAPI tag and what the feature
    /// is for (the tag's description in the document).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag, string description) =>
        endpoints.MapGroup(prefix).WithTags(tag).WithMetadata(new ApiTag(tag, description)).ProducesProblem(401).ProducesValidationProblem();
}
