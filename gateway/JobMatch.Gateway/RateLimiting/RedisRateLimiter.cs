using StackExchange.Redis;

namespace JobMatch.Gateway.RateLimiting;

/// <summary>One limit a request counts against: its bucket name, whose calls it counts, and how many a window allows.</summary>
public readonly record struct RateLimit(string Bucket, string Partition, int Permitted);

/// <summary>
/// Fixed-window counters in Redis, every limit of a request in one script and so in <b>one round trip</b>: one INCR
/// per limit, the window's expiry set by its first request, stopping at the first limit exceeded (the later ones are
/// not counted for a refused request), atomically, so that several gateway instances count together.
/// </summary>
public sealed partial class RedisRateLimiter(Lazy<ConnectionMultiplexer> redis, ILogger<RedisRateLimiter> logger)
{
    private const string Script = """
        for i, key in ipairs(KEYS) do
            local count = redis.call('INCR', key)
            if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
            if count > tonumber(ARGV[i + 1]) then return math.max(redis.call('PTTL', key), 0) end
        end
        return -1
        """;

    /// <summary>Counts one request against its limits; returns the wait before another is allowed, or null if allowed.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string keyPrefix, IReadOnlyList<RateLimit> limits, TimeSpan window)
    {
        try
        {
            var keys = limits.Select(limit => (RedisKey)$"{keyPrefix}:{limit.Bucket}:{limit.Partition}").ToArray();
            var arguments = limits.Select(limit => (RedisValue)limit.Permitted).Prepend((long)window.TotalMilliseconds).ToArray();
            var waitMs = (long)(await redis.Value.GetDatabase().ScriptEvaluateAsync(Script, keys, arguments));
            // -1: every limit allowed it; otherwise what is left of the exceeded limit's window.
            return waitMs < 0 ? null : TimeSpan.FromMilliseconds(waitMs);
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
