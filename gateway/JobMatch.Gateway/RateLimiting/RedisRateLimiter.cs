using StackExchange.Redis;

namespace JobMatch.Gateway.RateLimiting;

/// <summary>
/// Fixed-window counters in Redis: one INCR per request and limit, the window's expiry set by its first
/// request, atomically in one script so that several gateway instances count together.
/// </summary>
public sealed partial class RedisRateLimiter(Lazy<ConnectionMultiplexer> redis, ILogger<RedisRateLimiter> logger)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return {count, redis.call('PTTL', KEYS[1])}
        """;

    /// <summary>Counts one request against a limit; returns the wait before another is allowed, or null if allowed.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string keyPrefix, string limit, string partition, int permitted, TimeSpan window)
    {
        try
        {
            var result = (RedisResult[])(await redis.Value.GetDatabase().ScriptEvaluateAsync(Script,
                [(RedisKey)$"{keyPrefix}:{limit}:{partition}"], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            var remainingMs = Math.Max((long)result[1], 0);
            return count <= permitted ? null : TimeSpan.FromMilliseconds(remainingMs);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidOperationException)
        {
            // Fail open: a Redis outage must not take the whole platform down with it; the services still
            // authenticate and authorise every call. The outage is logged and shows on the gateway's health.
            LogUnavailable(e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting skipped: Redis is unavailable")]
    private partial void LogUnavailable(Exception exception);
}
