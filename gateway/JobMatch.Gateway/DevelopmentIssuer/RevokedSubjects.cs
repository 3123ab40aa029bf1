using System.Collections.Concurrent;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Deleted accounts and signed-out sessions, so their unexpired tokens stop working at once: one Redis key per user id
/// or per token id, kept as long as a token lives; both are read in one round trip. Every gateway instance shares the list; each remembers a "not revoked" answer for a few seconds, so
/// a busy user costs one Redis read per interval rather than per request (another instance refuses a deleted
/// account's token within that interval; the instance that deleted it, at once). Redis unavailable: tokens are
/// trusted until they expire, as rate limits fail open.
/// </summary>
public sealed partial class RevokedSubjects(Lazy<ConnectionMultiplexer> redis, IOptions<DevelopmentIssuerOptions> options, TimeProvider clock,
    ILogger<RevokedSubjects> logger) : IRevokedSubjects
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notRevokedUntil = new();
    private readonly ConcurrentDictionary<string, byte> _revokedHere = new();

    private RedisKey KeyOf(Guid userId) => $"{options.Value.RegistrationKeyPrefix}:revoked:{userId}";

    private RedisKey KeyOfToken(string tokenId) => $"{options.Value.RegistrationKeyPrefix}:revoked-token:{tokenId}";

    public async ValueTask<bool> IsRevokedAsync(Guid userId, string? tokenId, CancellationToken cancellationToken)
    {
        var user = userId.ToString();
        if (_revokedHere.ContainsKey(user) || (tokenId is not null && _revokedHere.ContainsKey(tokenId))) return true;
        var now = clock.GetUtcNow();
        var remembered = tokenId ?? user;
        if (_notRevokedUntil.TryGetValue(remembered, out var until) && until > now) return false;
        try
        {
            RedisKey[] keys = tokenId is null ? [KeyOf(userId)] : [KeyOf(userId), KeyOfToken(tokenId)];
            if (await redis.Value.GetDatabase().KeyExistsAsync(keys) > 0) return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidOperationException)
        {
            LogUnavailable(e);
            return false;
        }
        if (_notRevokedUntil.Count > 100_000) _notRevokedUntil.Clear();
        _notRevokedUntil[remembered] = now + Remembered;
        return false;
    }

    /// <summary>Every token of the user stops working (for as long as one could still be valid).</summary>
    public Task RevokeAsync(Guid userId) => RevokeKeyAsync(userId.ToString(), KeyOf(userId));

    /// <summary>This one token stops working (a signed-out session); the user's other sessions go on.</summary>
    public Task RevokeTokenAsync(string tokenId) => RevokeKeyAsync(tokenId, KeyOfToken(tokenId));

    private async Task RevokeKeyAsync(string local, RedisKey key)
    {
        // Redis holds the list; the local copy only saves a round trip, so it may be dropped when it grows large.
        if (_revokedHere.Count > 100_000) _revokedHere.Clear();
        _revokedHere[local] = 0;
        _notRevokedUntil.Clear();
        await redis.Value.GetDatabase().StringSetAsync(key, clock.GetUtcNow().ToUnixTimeSeconds(), options.Value.TokenLifetime + TimeSpan.FromMinutes(5));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation check skipped: Redis is unavailable")]
    private partial void LogUnavailable(Exception exception);
}
