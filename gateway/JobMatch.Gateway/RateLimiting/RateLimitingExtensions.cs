using System.Globalization;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Caching;
using Microsoft.Extensions.Options;

namespace JobMatch.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    public const string SignInPath = "/api/auth/token";
    /// <summary>Self-registration (seekers, and employers under /employer) is counted with sign-in: both are anonymous and both hash a password.</summary>
    public const string RegisterPath = "/api/auth/register";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        builder.AddRedis();
        builder.Services.AddSingleton<RedisRateLimiter>();
        return builder;
    }

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
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var wait = context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments(RegisterPath, StringComparison.OrdinalIgnoreCase)
                ? await limiter.TryAcquireAsync(options.KeyPrefix, "sign-in", address, options.SignInPerAddress, options.Window)
                : await limiter.TryAcquireAsync(options.KeyPrefix, "address", address, options.PerAddress, options.Window);
            if (wait is null && context.User.Identity?.IsAuthenticated == true)
                wait = await limiter.TryAcquireAsync(options.KeyPrefix, "user", context.User.FindFirst(JobMatchClaims.Subject)!.Value, options.PerUser, options.Window);
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
}
