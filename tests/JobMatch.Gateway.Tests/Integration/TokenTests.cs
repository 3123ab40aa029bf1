using System.Net;
using System.Text;
using System.Text.Json;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>Forged, expired and misdirected tokens are refused at the gateway and by a service called directly.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private Backend _backend = null!;
    private GatewayHost _gateway = null!;
    private ServiceFactory<PostingStore> _postings = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _backend = await Backend.StartAsync();
        _gateway = new GatewayHost(servers, _backend.Address, new Dictionary<string, string> { ["RateLimits:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N") });
        _postings = new ServiceFactory<PostingStore>(servers, await servers.CreateVirtualHostAsync());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _postings.DisposeAsync();
        await _backend.DisposeAsync();
    }

    public static TheoryData<string, string> BadTokens()
    {
        var user = Guid.NewGuid();
        var employer = Guid.NewGuid();
        return new TheoryData<string, string>
        {
            { "alg none", Unsigned(user, employer) },
            { "wrong key", TestTokens.Create(user, Roles.Employer, employer, signingKey: "a-different-key-of-at-least-thirty-two-bytes") },
            { "expired", TestTokens.Create(user, Roles.Employer, employer, expires: DateTime.UtcNow.AddMinutes(-5)) },
            { "wrong issuer", TestTokens.Create(user, Roles.Employer, employer, issuer: "someone-else") },
            { "wrong audience", TestTokens.Create(user, Roles.Employer, employer, audience: "another-api") },
            { "signature stripped", TestTokens.Employer(user, employer)[..TestTokens.Employer(user, employer).LastIndexOf('.')] + "." },
            { "garbage", "not-a-token" },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_at_the_gateway(string kind, string token)
    {
        using var client = _gateway.Client(token);
        using var response = await client.GetAsync("/api/postings/echo");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_by_a_service_called_directly(string kind, string token)
    {
        using var client = _postings.ClientWithToken(token);
        using var response = await client.GetAsync("/api/postings/mine");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_good_token_passes_both()
    {
        var token = TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid());
        using var viaGateway = _gateway.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await viaGateway.GetAsync("/api/postings/echo")).StatusCode);
        using var direct = _postings.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/api/postings/mine")).StatusCode);
    }

    /// <summary>The "alg": "none" attack: a well-formed token with no signature at all.</summary>
    private static string Unsigned(Guid user, Guid employer)
    {
        static string Encode(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Encode(new { alg = "none", typ = "JWT" }) + "." + Encode(new Dictionary<string, object>
        {
            ["sub"] = user.ToString(), ["role"] = Roles.Employer, ["employer_id"] = employer.ToString(),
            ["iss"] = "jobmatch-dev", ["aud"] = "jobmatch", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        }) + ".";
    }
}
