using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Seekers who registered themselves with the development issuer, one Redis key per lower-cased username holding
/// the account (PBKDF2 hash, never the password), and one per user id naming the username (so an account can be
/// deleted by its token's subject). Set only if absent, so two gateways cannot both take a name.
/// </summary>
public sealed class RegisteredSeekers(Lazy<ConnectionMultiplexer> redis, IOptions<DevelopmentIssuerOptions> options)
{
    private RedisKey KeyOf(string username) => $"{options.Value.RegistrationKeyPrefix}:{username.ToLowerInvariant()}";

    private RedisKey IdKeyOf(Guid userId) => $"{options.Value.RegistrationKeyPrefix}:by-id:{userId}";

    public async Task<DemoAccount?> FindAsync(string username)
    {
        var value = await redis.Value.GetDatabase().StringGetAsync(KeyOf(username));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<DemoAccount>((string)value!);
    }

    /// <summary>Stores the account unless the username is taken; false when it is.</summary>
    public async Task<bool> TryAddAsync(DemoAccount account)
    {
        var database = redis.Value.GetDatabase();
        if (!await database.StringSetAsync(KeyOf(account.Username), JsonSerializer.Serialize(account), when: When.NotExists)) return false;
        await RememberIdAsync(account);
        return true;
    }

    /// <summary>Records which username a user id signs in with (accounts registered before the index get it at sign-in).</summary>
    public Task RememberIdAsync(DemoAccount account) => redis.Value.GetDatabase().StringSetAsync(IdKeyOf(account.UserId), account.Username.ToLowerInvariant());

    /// <summary>Deletes the login of a user id; false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid userId)
    {
        var database = redis.Value.GetDatabase();
        var username = await database.StringGetAsync(IdKeyOf(userId));
        if (username.IsNullOrEmpty) return false;
        var deleted = await database.KeyDeleteAsync(KeyOf(username!));
        await database.KeyDeleteAsync(IdKeyOf(userId));
        return deleted;
    }
}
