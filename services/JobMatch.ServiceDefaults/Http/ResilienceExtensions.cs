using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace JobMatch.ServiceDefaults.Http;

public static class ResilienceExtensions
{
    /// <summary>
    /// The standard resilience handler (rate limiter, total timeout, retry, circuit breaker, attempt timeout) on an
    /// outgoing client, with the rules JobMatch's calls need:
    /// <list type="bullet">
    /// <item>only safe methods are retried: a POST, PUT, PATCH or DELETE that timed out or failed may still have
    /// taken effect on the other side, and sending it again would act twice (the callers that need at-least-once,
    /// like notification delivery, retry with their own records);</item>
    /// <item>429 is not retried: it asks the caller to slow down, and a person waiting on a page is better told at
    /// once than after the Retry-After;</item>
    /// <item>one attempt may take <paramref name="attemptTimeout"/>, the whole call (retries included) at most
    /// <paramref name="totalTimeout"/>; the HttpClient's own timeout is left to these.</item>
    /// <item>with <paramref name="breakOnServerErrors"/> off, the circuit breaker opens only when the other side
    /// cannot be reached (connection failures, timeouts), not on its 5xx answers: a client of the gateway must not
    /// stop calling every service because one service behind it is down.</item>
    /// </list>
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddDefaultResilience(
        this IHttpClientBuilder client, TimeSpan attemptTimeout, TimeSpan totalTimeout, bool breakOnServerErrors = true)
    {
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        return client.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = attemptTimeout;
            options.TotalRequestTimeout.Timeout = totalTimeout;
            // The breaker must see at least two attempts' worth of time (the options are validated for it).
            options.CircuitBreaker.SamplingDuration = Max(options.CircuitBreaker.SamplingDuration, 2 * attemptTimeout);
            options.Retry.ShouldRetryAfterHeader = false;
            options.Retry.ShouldHandle = arguments => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(arguments.Outcome)
                && arguments.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
            options.Retry.DisableForUnsafeHttpMethods();
            if (!breakOnServerErrors)
            {
                options.CircuitBreaker.ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is not null && HttpClientResiliencePredicates.IsTransient(arguments.Outcome));
            }
        });
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
