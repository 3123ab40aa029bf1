using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace JobMatch.Gateway.Hardening;

public static class HardeningExtensions
{
    public const string PortalCorsPolicy = "portal";

    public static IHostApplicationBuilder AddGatewayHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HardeningOptions>().BindConfiguration("Gateway");
        var options = builder.Configuration.GetSection("Gateway").Get<HardeningOptions>() ?? new HardeningOptions();
        // Kestrel enforces the limit on bodies without a Content-Length too (chunked), while they stream; large-body
        // routes raise it per request below.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddCors(cors => cors.AddPolicy(PortalCorsPolicy, policy => policy
            .WithOrigins([.. options.PortalOrigins])
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept-Language")
            .WithExposedHeaders("Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // One hop: the trusted proxy's own view of its client, never an address the client wrote further left.
            forwarded.ForwardLimit = 1;
            if (options.TrustedProxies.Count > 0)
            {
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
            }
            foreach (var proxy in options.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        });
        return builder;
    }

    /// <summary>
    /// The visitor's address from a trusted proxy's X-Forwarded-For (rate limits count it), security headers on every
    /// response, the portal-only CORS policy, and 413 for oversized bodies.
    /// </summary>
    public static IApplicationBuilder UseGatewayHardening(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
                // The API serves JSON, never active content; the portal sets its own policy for its pages.
                if (!headers.ContainsKey("Content-Security-Policy"))
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                return Task.CompletedTask;
            });
            await next(context);
        });
        app.UseCors(PortalCorsPolicy);
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.LimitFor(context.Request.Path);
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                bodySize.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 413, Title = "The request body is too large.", Detail = $"At most {limit} bytes are accepted." },
                });
                return;
            }
            await next(context);
        });
        return app;
    }
}
