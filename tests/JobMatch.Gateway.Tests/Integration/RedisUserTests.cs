using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobMatch.Testing;
using StackExchange.Redis;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>
/// The gateway logged in to Redis as its own user (deploy/redis/users.acl): registering, signing in, signing out and
/// the rate limits all work — Redis refused it nothing —, and the same login cannot read another component's channel
/// or keys, Redis's configuration, or flush the store. The limiter fails open on a Redis error, so "the limit still
/// bites" is what proves its script is allowed.
/// </summary>
public sealed class RedisUserTests : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N");
    private TestServers _servers = null!;
    private Backend _backend = null!;
    private GatewayHost _gateway = null!;
    private string _user = "";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _backend = await Backend.StartAsync();
        (_user, _connectionString) = await RedisUsers.CreateAsync(_servers, "gateway");
        _gateway = new GatewayHost(_servers, _backend.Address, new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = _connectionString,
            // Under the user's key patterns, and this run's own.
            ["RateLimits:KeyPrefix"] = $"jobmatch:ratelimit:{_run}",
            ["Auth:DevelopmentIssuer:RegistrationKeyPrefix"] = $"jobmatch:dev-accounts:{_run}",
            ["RateLimits:PerUser"] = "3",
            ["RateLimits:PerAddress"] = "1000",
            ["RateLimits:SignInPerAddress"] = "1000",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task The_gateway_does_all_its_work_as_its_own_redis_user_and_nothing_else()
    {
        using var client = _gateway.Client();
        var (first, second) = ("acl-" + _run[..12], "acl-" + _run[12..24]);
        foreach (var username in new[] { first, second })
        {
            using var registered = await client.PostAsJsonAsync("/api/auth/register", new { username, password = "long-enough-1", displayName = "Saruul" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // Signing out ends that session (a revocation key), the other session of the same login goes on.
        using var ended = _gateway.Client((await SignInAsync(client, first))["accessToken"]!.GetValue<string>());
        using var kept = _gateway.Client((await SignInAsync(client, first))["accessToken"]!.GetValue<string>());
        using (var signOut = await ended.PostAsync("/api/auth/sign-out", null)) Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        using (var afterSignOut = await ended.GetAsync("/api/postings/echo")) Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
        using (var stillIn = await kept.GetAsync("/api/postings/echo")) Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        // The per-user limit (3) still bites: its script ran as this user.
        using var seeker = _gateway.Client((await SignInAsync(client, second))["accessToken"]!.GetValue<string>());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await seeker.GetAsync("/api/postings/echo");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        Assert.Empty(await RedisUsers.RefusalsAsync(_servers, _user));

        // The same login from a client that would send anything (admin commands included): the server refuses.
        var anything = ConfigurationOptions.Parse(_connectionString);
        anything.AllowAdmin = true;
        await using var login = await ConnectionMultiplexer.ConnectAsync(anything);
        var redis = login.GetDatabase();
        await Assert.ThrowsAsync<RedisServerException>(() => redis.StringGetAsync("jobmatch:notifications:anything"));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.PublishAsync(RedisChannel.Literal("jobmatch:notifications:live:x"), "new"));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("CONFIG", "GET", "requirepass"));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("FLUSHALL"));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("KEYS", "*"));
        Assert.NotEmpty(await RedisUsers.RefusalsAsync(_servers, _user));
    }

    private static async Task<JsonObject> SignInAsync(HttpClient client, string username)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "long-enough-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
