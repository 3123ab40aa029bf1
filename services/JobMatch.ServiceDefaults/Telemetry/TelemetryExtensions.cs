using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JobMatch.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters JobMatch records; JobMatch's own are all named "JobMatch.*".</summary>
    public static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", "Yarp.ReverseProxy", "JobMatch.*"];
    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "MassTransit", "Npgsql", "JobMatch.*"];

    public static IHostApplicationBuilder AddStructuredLogging(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        if (OtlpEndpoint(builder.Configuration) is not null)
        {
            builder.Logging.AddOpenTelemetry(options =>
            {
                options.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName));
                options.IncludeScopes = true;
                options.AddOtlpExporter(exporter => ConfigureExporter(exporter, builder.Configuration, "logs"));
            });
        }
        return builder;
    }

    /// <summary>
    /// Traces and metrics, always recorded (the outbox relay and MassTransit only carry trace context
    /// when someone listens), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// Built by hand: OpenTelemetry.Extensions.Hosting is not available here (docs/decisions/001).
    /// </summary>
    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var export = OtlpEndpoint(builder.Configuration) is not null;
        var configuration = builder.Configuration;
        // Registered through factories so the container disposes (and so flushes) them at shutdown.
        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(resource => resource.AddService(serviceName))
                .SetSampler(new AlwaysOnSampler())
                .AddSource(Sources);
            if (export) tracing.AddOtlpExporter(exporter => ConfigureExporter(exporter, configuration, "traces"));
            return tracing.Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(resource => resource.AddService(serviceName))
                .AddMeter(Meters);
            if (export) metrics.AddOtlpExporter(exporter => ConfigureExporter(exporter, configuration, "metrics"));
            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    /// <summary>
    /// Server spans from ASP.NET Core lack the route and status: fill them in after the endpoint ran,
    /// so traces group by route, not by raw path (which may hold ids).
    /// </summary>
    public static IApplicationBuilder UseHttpRouteTags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
            if (activity is null) return;
            if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.RawText is { } route)
            {
                activity.SetTag("http.route", route);
                activity.DisplayName = $"{context.Request.Method} {route}";
            }
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
        });

    /// <summary>
    /// The exporter is set from configuration (environment variables included) rather than left to read the
    /// environment itself, so appsettings and tests can point it too. OTLP/HTTP wants the signal's path on the
    /// endpoint when it is set in code; gRPC (the default) takes the endpoint as it is.
    /// </summary>
    private static void ConfigureExporter(OpenTelemetry.Exporter.OtlpExporterOptions exporter, IConfiguration configuration, string signal)
    {
        var endpoint = OtlpEndpoint(configuration)!.TrimEnd('/');
        var httpProtobuf = string.Equals(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        exporter.Protocol = httpProtobuf ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        exporter.Endpoint = new Uri(httpProtobuf ? $"{endpoint}/v1/{signal}" : endpoint);
    }

    private static string? OtlpEndpoint(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? null : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

    /// <summary>Resolves the providers at start-up so they listen before the first request.</summary>
    private sealed class TelemetryStarter(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracing);
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
