using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace JobMatch.ServiceDefaults.Problems;

/// <summary>
/// A database or broker that cannot be reached is an outage, not a bug: answer 503 with Retry-After so clients and
/// the gateway back off and try again, instead of a 500. The transaction did not commit, so nothing was written.
/// </summary>
internal sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = "Nothing was changed. Try again after the time given in Retry-After.",
            },
        });
    }

    private static bool IsUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || exception is NpgsqlException { InnerException: SocketException or IOException or TimeoutException }
                || exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown }
                || exception is MassTransit.RequestTimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
