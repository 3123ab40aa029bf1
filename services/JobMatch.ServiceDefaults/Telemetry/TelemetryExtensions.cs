using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JobMatch.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters beyond the instrumentation packages'; JobMatch's own are all named "JobMatch.*".</summary>
    public static readonly string[] Sources = ["MassTransit", "Yarp.ReverseProxy", "JobMatch.*"];
    public static readonly string[] Meters = ["MassTransit", "JobMatch.*"];

    /// <summary>JSON lines on stdout, always; over OTLP too when an endpoint is configured (see <see cref="AddDefaultTelemetry"/>).</summary>
    public static IHostApplicationBuilder AddStructuredLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        return builder;
    }

    /// <summary>
    /// Traces and metrics through OpenTelemetry's hosting registration, as eShop's ServiceDefaults do. Always
    /// recorded — the outbox relay and MassTransit only carry trace context when someone listens — and exported
    /// over OTLP (traces, metrics and logs) only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a deployment that
    /// configured no collector makes no call to one.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .SetSampler(new AlwaysOnSampler())
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // UseOtlpExporter reads OTEL_EXPORTER_OTLP_ENDPOINT and _PROTOCOL from configuration (environment,
            // appsettings, tests) and appends each signal's path for http/protobuf.
            telemetry
                .WithLogging(configureBuilder: null, configureOptions: logging =>
                {
                    logging.IncludeScopes = true;
                    logging.IncludeFormattedMessage = true;
                })
                .UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>The orchestrator and the gateway probe every second or so: traces of that are noise.</summary>
    private static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
