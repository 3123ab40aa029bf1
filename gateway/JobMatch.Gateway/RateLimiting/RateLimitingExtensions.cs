using System.Globalization;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Caching;
using Microsoft.Extensions.Options;

namespace JobMatch.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        builder.AddRedis();
        builder.Services.AddSingleton<RedisRateLimiter>();
        return builder;
    }

    /// <summary>
    /// Counts this endpoint's calls in the strict per-address sign-in bucket: anonymous calls that check or hash a
    /// password (sign-in, self-registration).
    /// </summary>
    public static TBuilder CountedAsSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SignInBucket.Instance);

    /// <summary>
    /// Per address always; per user once the token is known (so after authentication); sign-in far stricter.
    /// A refused request gets 429 problem details with Retry-After in seconds.
    /// </summary>
    public static IApplicationBuilder UseGatewayRateLimiting(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            if (!options.Enabled || context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }
            var limiter = context.RequestServices.GetRequiredService<RedisRateLimiter>();
            var wait = await limiter.TryAcquireAsync(options.KeyPrefix, LimitsOf(context, options), options.Window);
            if (wait is { } retryAfter)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Wait for the time given in Retry-After, then try again." },
                });
                return;
            }
            await next(context);
        });

    /// <summary>
    /// Per address, in the sign-in bucket for an endpoint that checks a password — classified by the endpoint routing
    /// matched, not by the path as typed (/api/auth/token/, /api/auth/token/. and any other spelling that reaches the
    /// sign-in handler count as sign-in) — and per user once the token is known.
    /// </summary>
    private static List<RateLimit> LimitsOf(HttpContext context, RateLimitOptions options)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        List<RateLimit> limits = context.GetEndpoint()?.Metadata.GetMetadata<SignInBucket>() is not null
            ? [new("sign-in", address, options.SignInPerAddress)]
            : [new("address", address, options.PerAddress)];
        if (context.User.Identity?.IsAuthenticated == true)
            limits.Add(new("user", context.User.FindFirst(JobMatchClaims.Subject)!.Value, options.PerUser));
        return limits;
    }
}

/// <summary>Endpoint metadata: calls are counted in the sign-in bucket (see <see cref="RateLimitingExtensions.CountedAsSignIn"/>).</summary>
public sealed class SignInBucket
{
    public static readonly SignInBucket Instance = new();

    private SignInBucket()
    {
    }
}
