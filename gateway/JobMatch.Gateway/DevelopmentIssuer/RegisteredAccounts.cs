using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Accounts registered with the development issuer (seekers and employers who registered themselves, HR users an
/// organisation's owner invited), one Redis key per lower-cased username holding the account (PBKDF2 hash, never the
/// password), one per user id naming the username (so an account can be deleted by its token's subject), and one set
/// per employer of its users' ids. Set only if absent, so two gateways cannot both take a name.
/// </summary>
public sealed class RegisteredAccounts(Lazy<ConnectionMultiplexer> redis, IOptions<DevelopmentIssuerOptions> options)
{
    private RedisKey KeyOf(string username) => $"{options.Value.RegistrationKeyPrefix}:{username.ToLowerInvariant()}";

    private RedisKey IdKeyOf(Guid userId) => $"{options.Value.RegistrationKeyPrefix}:by-id:{userId}";

    private RedisKey EmployerKeyOf(Guid employerId) => $"{options.Value.RegistrationKeyPrefix}:employer:{employerId}";

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
        if (account.EmployerId is { } employerId) await database.SetAddAsync(EmployerKeyOf(employerId), account.UserId.ToString());
        return true;
    }

    public async Task<DemoAccount?> FindByIdAsync(Guid userId)
    {
        var username = await redis.Value.GetDatabase().StringGetAsync(IdKeyOf(userId));
        return username.IsNullOrEmpty ? null : await FindAsync(username!);
    }

    /// <summary>The registered users of an employer organisation (its owner and invited HR users).</summary>
    public async Task<IReadOnlyList<DemoAccount>> UsersOfAsync(Guid employerId)
    {
        var ids = await redis.Value.GetDatabase().SetMembersAsync(EmployerKeyOf(employerId));
        var accounts = await Task.WhenAll(ids.Select(id => FindByIdAsync(Guid.Parse((string)id!))));
        return accounts.OfType<DemoAccount>().Where(account => account.EmployerId == employerId).OrderBy(account => account.Username, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records which username a user id signs in with (accounts registered before the index get it at sign-in).</summary>
    public Task RememberIdAsync(DemoAccount account) => redis.Value.GetDatabase().StringSetAsync(IdKeyOf(account.UserId), account.Username.ToLowerInvariant());

    /// <summary>Deletes the login of a user id; false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid userId)
    {
        var database = redis.Value.GetDatabase();
        var username = await database.StringGetAsync(IdKeyOf(userId));
        if (username.IsNullOrEmpty) return false;
        var account = await FindAsync(username!);
        var deleted = await database.KeyDeleteAsync(KeyOf(username!));
        await database.KeyDeleteAsync(IdKeyOf(userId));
        if (account?.EmployerId is { } employerId) await database.SetRemoveAsync(EmployerKeyOf(employerId), userId.ToString());
        return deleted;
    }
}
