using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Seekers who registered themselves with the development issuer, one Redis key per lower-cased username holding
/// the account (PBKDF2 hash, never the password). Set only if absent, so two gateways cannot both take a name.
/// </summary>
public sealed class RegisteredSeekers(Lazy<ConnectionMultiplexer> redis, IOptions<DevelopmentIssuerOptions> options)
{
    private RedisKey KeyOf(string username) => $"{options.Value.RegistrationKeyPrefix}:{username.ToLowerInvariant()}";

    public async Task<DemoAccount?> FindAsync(string username)
    {
        var value = await redis.Value.GetDatabase().StringGetAsync(KeyOf(username));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<DemoAccount>((string)value!);
    }

    /// <summary>Stores the account unless the username is taken; false when it is.</summary>
    public Task<bool> TryAddAsync(DemoAccount account) =>
        redis.Value.GetDatabase().StringSetAsync(KeyOf(account.Username), JsonSerializer.Serialize(account), when: When.NotExists);
}
