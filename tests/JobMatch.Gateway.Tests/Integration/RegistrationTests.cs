using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobMatch.Testing;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>Seekers register themselves with the development issuer: seeker role only, new subject, hash in Redis.</summary>
public sealed class RegistrationTests : IAsyncLifetime
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
            ["RateLimits:SignInPerAddress"] = "20",
            ["Auth:DevelopmentIssuer:RegistrationKeyPrefix"] = _keyPrefix + ":accounts",
            // A configured account, whose name registration must never take over.
            ["Auth:DevelopmentIssuer:Accounts:0:Username"] = "demo-admin",
            ["Auth:DevelopmentIssuer:Accounts:0:Role"] = "administrator",
            ["Auth:DevelopmentIssuer:Accounts:0:UserId"] = "0b6a1c52-3f4e-4c1a-9d7e-5a1f2e3d4c99",
            ["Auth:DevelopmentIssuer:Accounts:0:PasswordHash"] = JobMatch.Gateway.DevelopmentIssuer.PasswordHash.Create(DemoPassword),
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

    private const string DemoPassword = "jobmatch-demo";

    private static string NewUsername() => "seeker-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_registered_seeker_gets_a_seeker_token_with_a_new_subject_and_signs_in_again_on_another_gateway()
    {
        var username = NewUsername();
        using var client = _first.Client();
        using var registered = await client.PostAsJsonAsync("/api/auth/register",
            new { username, password = "long-enough-1", displayName = "Saruul", role = "administrator", userId = Guid.Empty, employerId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("seeker", token["role"]!.GetValue<string>());
        var subject = token["userId"]!.GetValue<Guid>();
        Assert.NotEqual(Guid.Empty, subject);
        var claims = TokenClaims(token["accessToken"]!.GetValue<string>());
        Assert.Equal("seeker", claims["role"]!.GetValue<string>());
        Assert.Equal(subject.ToString(), claims["sub"]!.GetValue<string>());
        Assert.Null(claims["employer_id"]);
        Assert.Null(claims["region"]);

        using var other = _second.Client();
        using var signIn = await other.PostAsJsonAsync("/api/auth/token", new { username = username.ToUpperInvariant(), password = "long-enough-1" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(subject, (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<Guid>());
        using var wrong = await other.PostAsJsonAsync("/api/auth/token", new { username, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_taken_username_or_a_demo_account_name_is_refused_with_the_field_named()
    {
        var username = NewUsername();
        using var client = _first.Client();
        using (var first = await client.PostAsJsonAsync("/api/auth/register", new { username, password = "long-enough-1" }))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        foreach (var taken in new[] { username, username.ToUpperInvariant(), "Demo-Admin" })
        {
            using var again = await _second.Client().PostAsJsonAsync("/api/auth/register", new { username = taken, password = "another-password" });
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.NotNull(problem["errors"]!["username"]);
        }
        // The configured administrator still signs in as itself: trying to register its name changed nothing.
        using var admin = await client.PostAsJsonAsync("/api/auth/token", new { username = "demo-admin", password = DemoPassword });
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("administrator", (await admin.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_login_makes_its_token_refused_on_every_gateway_and_signing_in_fail_but_keeps_demo_accounts()
    {
        var username = NewUsername();
        using var client = _first.Client();
        using var registered = await client.PostAsJsonAsync("/api/auth/register", new { username, password = "long-enough-1" });
        var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        using var here = _first.Client(token);
        using var there = _second.Client(token);
        // The second gateway has just seen the token valid: it remembers that for a few seconds at most.
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))).StatusCode);

        using var deleted = await here.DeleteAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True((await deleted.Content.ReadFromJsonAsync<JsonObject>())!["loginDeleted"]!.GetValue<bool>());
        using (var after = await here.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await Eventually.GetAsync(async () =>
        {
            using var response = await there.GetAsync(new Uri("/api/postings/echo", UriKind.Relative));
            return response.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, "the other gateway refusing the deleted account's token");
        using var signIn = await _second.Client().PostAsJsonAsync("/api/auth/token", new { username, password = "long-enough-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        using var admin = await client.PostAsJsonAsync("/api/auth/token", new { username = "demo-admin", password = DemoPassword });
        using var demo = _first.Client((await admin.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        using var refused = await demo.DeleteAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var stillThere = await client.PostAsJsonAsync("/api/auth/token", new { username = "demo-admin", password = DemoPassword });
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_that_session_on_every_gateway_and_leaves_the_users_other_sessions()
    {
        var username = NewUsername();
        using var client = _first.Client();
        using var registered = await client.PostAsJsonAsync("/api/auth/register", new { username, password = "long-enough-1" });
        var first = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        using var again = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "long-enough-1" });
        var second = (await again.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        using var there = _second.Client(first);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))).StatusCode);

        using (var signedOut = await _first.Client(first).PostAsync(new Uri("/api/auth/sign-out", UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        using (var here = await _first.Client(first).GetAsync(new Uri("/api/postings/echo", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Unauthorized, here.StatusCode);
        await Eventually.GetAsync(async () =>
        {
            using var response = await there.GetAsync(new Uri("/api/postings/echo", UriKind.Relative));
            return response.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, "the other gateway refusing the signed-out token");
        using var other = await _second.Client(second).GetAsync(new Uri("/api/postings/echo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Bad_usernames_and_short_passwords_are_validation_problems_naming_each_field()
    {
        using var client = _first.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { username = "a b", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("username"));
        Assert.True(errors.ContainsKey("password"));
    }

    [Theory]
    [InlineData("aaaaaaaa")]
    [InlineData("abababab")]
    [InlineData("12345678")]
    [InlineData("Password1")]
    [InlineData("{username}-2026")]
    public async Task A_password_too_easy_to_guess_is_refused_on_the_password_field(string password)
    {
        var username = NewUsername();
        using var client = _first.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { username, password = password.Replace("{username}", username, StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("太容易被猜到", errors["password"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("username"));
    }

    [Fact]
    public async Task Registration_is_counted_with_sign_in_per_address()
    {
        await using var strict = new GatewayHost(await TestServers.GetAsync(), _backend.Address, new Dictionary<string, string>
        {
            ["RateLimits:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N"),
            ["RateLimits:SignInPerAddress"] = "2",
        });
        using var client = strict.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/register", new { username = "x", password = "y" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>A token's payload, read without validation (the gateway validated it).</summary>
    internal static JsonObject TokenClaims(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }
}
