using System.Collections.Concurrent;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Deleted accounts, so their unexpired tokens stop working at once: one Redis key per user id, kept as long as a
/// token lives. Every gateway instance shares the list; each remembers a "not revoked" answer for a few seconds, so
/// a busy user costs one Redis read per interval rather than per request (another instance refuses a deleted
/// account's token within that interval; the instance that deleted it, at once). Redis unavailable: tokens are
/// trusted until they expire, as rate limits fail open.
/// </summary>
public sealed partial class RevokedSubjects(Lazy<ConnectionMultiplexer> redis, IOptions<DevelopmentIssuerOptions> options, TimeProvider clock,
    ILogger<RevokedSubjects> logger) : IRevokedSubjects
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _notRevokedUntil = new();
    private readonly ConcurrentDictionary<Guid, byte> _revokedHere = new();

    private RedisKey KeyOf(Guid userId) => $"{options.Value.RegistrationKeyPrefix}:revoked:{userId}";

    public async ValueTask<bool> IsRevokedAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_revokedHere.ContainsKey(userId)) return true;
        var now = clock.GetUtcNow();
        if (_notRevokedUntil.TryGetValue(userId, out var until) && until > now) return false;
        try
        {
            if (await redis.Value.GetDatabase().KeyExistsAsync(KeyOf(userId))) return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidOperationException)
        {
            LogUnavailable(e);
            return false;
        }
        if (_notRevokedUntil.Count > 100_000) _notRevokedUntil.Clear();
        _notRevokedUntil[userId] = now + Remembered;
        return false;
    }

    /// <summary>Every token of the user stops working (for as long as one could still be valid).</summary>
    public async Task RevokeAsync(Guid userId)
    {
        _revokedHere[userId] = 0;
        _notRevokedUntil.TryRemove(userId, out _);
        await redis.Value.GetDatabase().StringSetAsync(KeyOf(userId), clock.GetUtcNow().ToUnixTimeSeconds(),
            options.Value.TokenLifetime + TimeSpan.FromMinutes(5));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation check skipped: Redis is unavailable")]
    private partial void LogUnavailable(Exception exception);
}
