using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>Per user, per address and sign-in limits, counted in Redis and so shared by every gateway instance.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly string _keyPrefix = "test-" + Guid.NewGuid().ToString("N");
    private Backend _backend = null!;
    private GatewayHost _first = null!;
    private GatewayHost _second = null!;

    public async Task InitializeAsync()
    {
        _backend = await Backend.StartAsync();
        var servers = await TestServers.GetAsync();
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:KeyPrefix"] = _keyPrefix,
            ["RateLimits:PerUser"] = "5",
            ["RateLimits:PerAddress"] = "1000",
            ["RateLimits:SignInPerAddress"] = "3",
        };
        _first = new GatewayHost(servers, _backend.Address, settings);
        _second = new GatewayHost(servers, _backend.Address, settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task A_users_requests_are_counted_across_gateway_instances_and_the_excess_gets_429_with_retry_after()
    {
        var token = TestTokens.Seeker(Guid.NewGuid());
        using var first = _first.Client(token);
        using var second = _second.Client(token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await (i % 2 == 0 ? first : second).GetAsync("/api/postings/echo");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        using var someoneElse = _first.Client(TestTokens.Seeker(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/api/postings/echo")).StatusCode);
    }

    [Fact]
    public async Task An_authenticated_request_counts_both_its_limits_in_one_redis_round_trip()
    {
        // Issue 18: two round trips per request for the two limits were half the gateway's overhead against nginx.
        var token = TestTokens.Seeker(Guid.NewGuid());
        using var client = _first.Client(token);
        using (var warm = await client.GetAsync("/api/postings/echo")) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var redis = _first.Services.GetRequiredService<Lazy<ConnectionMultiplexer>>().Value;
        var session = new ProfilingSession();
        ProfilingSession? recording = session;
        redis.RegisterProfiler(() => recording);

        using (var response = await client.GetAsync("/api/postings/echo")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        recording = null;
        var scripts = session.FinishProfiling().Where(command => command.Command is "EVAL" or "EVALSHA").ToList();
        Assert.Single(scripts);
        var db = redis.GetDatabase();
        var subject = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(token).Subject;
        Assert.Equal(2, (long)await db.StringGetAsync($"{_keyPrefix}:user:{subject}"));
        // The test server's requests come from no address, which the gateway counts as "unknown".
        Assert.Equal(2, (long)await db.StringGetAsync($"{_keyPrefix}:address:unknown"));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_before_any_password_is_checked()
    {
        using var client = _first.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "seeker", password = "guess-" + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/api/auth/token/")]
    [InlineData("/api/auth/token/.")]
    [InlineData("/API/Auth/Token")]
    [InlineData("/api/auth/./token")]
    public async Task Every_spelling_of_the_sign_in_path_is_counted_as_sign_in(string path)
    {
        using var client = _first.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync(path, new { username = "seeker", password = "guess-" + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Registration_with_a_trailing_slash_is_counted_as_sign_in()
    {
        using var client = _first.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync(i % 2 == 0 ? "/api/auth/register/" : "/api/auth/register/employer/", new { username = "x", password = "y" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Without_redis_the_gateway_keeps_serving_rather_than_failing_every_call()
    {
        await using var gateway = new GatewayHost(await TestServers.GetAsync(), _backend.Address, new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200",
            ["RateLimits:PerUser"] = "1",
        });
        using var client = gateway.Client(TestTokens.Seeker(Guid.NewGuid()));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/postings/echo")).StatusCode);
    }
}
