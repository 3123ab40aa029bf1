using System.Net;
using System.Text;
using JobMatch.Testing;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>Limits, timeouts, headers and CORS at the edge.</summary>
public sealed class GatewayHardeningTests : IAsyncLifetime
{
    private Backend _backend = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await Backend.StartAsync();
        _gateway = new GatewayHost(await TestServers.GetAsync(), _backend.Address, new Dictionary<string, string>
        {
            ["Gateway:MaxRequestBodyBytes"] = "1000",
            ["Gateway:LargeBodyRoutes:/api/postings/body-large"] = "100000",
            ["Gateway:PortalOrigins:0"] = "https://portal.jobmatch.example",
            ["RateLimits:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N"),
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private static string Token() => TestTokens.Seeker(Guid.NewGuid());

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_reaches_a_service()
    {
        using var client = _gateway.Client(Token());
        using var small = await client.PostAsync("/api/postings/body", new StringContent(new string('a', 500), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);

        using var large = await client.PostAsync("/api/postings/body", new StringContent(new string('a', 5000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, _backend.BodiesReceived);
    }

    [Fact]
    public async Task A_large_body_route_takes_more_than_the_default_limit_but_not_without_bound()
    {
        using var client = _gateway.Client(Token());
        using var accepted = await client.PostAsync("/api/postings/body-large", new StringContent(new string('a', 50_000), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var refused = await client.PostAsync("/api/postings/body-large", new StringContent(new string('a', 200_000), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_gets_the_caller_a_504()
    {
        using var client = _gateway.Client(Token());

        using var response = await client.GetAsync("/api/postings/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = _gateway.Client(Token());
        foreach (var path in new[] { "/api/postings/echo", "/health/live", "/no/such/route" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cross_origin_calls_are_allowed_for_the_portal_only()
    {
        using var client = _gateway.Client();
        foreach (var (origin, allowed) in new[] { ("https://portal.jobmatch.example", true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/postings/echo");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
            using var response = await client.SendAsync(preflight);
            var granted = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
            Assert.Equal(allowed ? origin : null, granted);
        }
    }
}
