using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses.Identity;
using JobMatch.Testing;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>
/// Employers register themselves with the development issuer (a new employer_id, the organisation's owner); the owner
/// creates logins for other HR users of the organisation and removes them, whose tokens then stop working.
/// </summary>
public sealed class EmployerRegistrationTests : IAsyncLifetime
{
    private readonly string _keyPrefix = "test-" + Guid.NewGuid().ToString("N");
    private Backend _backend = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await Backend.StartAsync();
        _gateway = new GatewayHost(await TestServers.GetAsync(), _backend.Address, new Dictionary<string, string>
        {
            ["RateLimits:KeyPrefix"] = _keyPrefix,
            ["RateLimits:SignInPerAddress"] = "50",
            ["Auth:DevelopmentIssuer:RegistrationKeyPrefix"] = _keyPrefix + ":accounts",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private static string NewUsername(string kind) => kind + "-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<(string Token, JsonObject Claims)> RegisterEmployerAsync()
    {
        using var response = await _gateway.Client().PostAsJsonAsync("/api/auth/register/employer",
            new { username = NewUsername("owner"), password = "long-enough-1", displayName = "王丽", role = "administrator" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return (token, RegistrationTests.TokenClaims(token));
    }

    [Fact]
    public async Task A_registered_employer_gets_an_employer_token_with_a_new_employer_id_that_needs_its_organisation_verified()
    {
        var (_, claims) = await RegisterEmployerAsync();
        var (_, other) = await RegisterEmployerAsync();

        Assert.Equal("employer", claims["role"]!.GetValue<string>());
        Assert.True(Guid.TryParse(claims["employer_id"]!.GetValue<string>(), out var employerId));
        Assert.NotEqual(Guid.Parse(other["employer_id"]!.GetValue<string>()), employerId);
        Assert.NotEqual(claims["sub"]!.GetValue<string>(), employerId.ToString());
        Assert.Equal("true", claims["organisation_required"]!.GetValue<string>());
        Assert.Null(claims["region"]);
    }

    [Fact]
    public async Task The_owner_invites_an_hr_user_of_the_same_organisation_and_removing_them_refuses_their_token_at_once()
    {
        var (ownerToken, ownerClaims) = await RegisterEmployerAsync();
        using var owner = _gateway.Client(ownerToken);
        var username = NewUsername("hr");

        using var invited = await owner.PostAsJsonAsync("/api/auth/employer-users", new { username, password = "colleague-pass", displayName = "李强" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var userId = (await invited.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<Guid>();
        using var signIn = await _gateway.Client().PostAsJsonAsync("/api/auth/token", new { username, password = "colleague-pass" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var colleagueToken = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var colleagueClaims = RegistrationTests.TokenClaims(colleagueToken);
        Assert.Equal((ownerClaims["employer_id"]!.GetValue<string>(), "employer", userId.ToString()),
            (colleagueClaims["employer_id"]!.GetValue<string>(), colleagueClaims["role"]!.GetValue<string>(), colleagueClaims["sub"]!.GetValue<string>()));

        var users = (await owner.GetFromJsonAsync<JsonArray>(new Uri("/api/auth/employer-users", UriKind.Relative)))!;
        Assert.Equal([(true, "王丽"), (false, "李强")],
            users.Select(user => (user!["owner"]!.GetValue<bool>(), user["displayName"]!.GetValue<string>())).OrderByDescending(user => user.Item1));

        // Only the owner invites and removes.
        using var colleague = _gateway.Client(colleagueToken);
        using var byColleague = await colleague.PostAsJsonAsync("/api/auth/employer-users", new { username = NewUsername("hr"), password = "colleague-pass" });
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        // Another organisation's owner does not find the user.
        var (strangerToken, _) = await RegisterEmployerAsync();
        using var stranger = _gateway.Client(strangerToken);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(new Uri($"/api/auth/employer-users/{userId}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))).StatusCode);
        using var removed = await owner.DeleteAsync(new Uri($"/api/auth/employer-users/{userId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await colleague.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))).StatusCode);
        using var again = await _gateway.Client().PostAsJsonAsync("/api/auth/token", new { username, password = "colleague-pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Single((await owner.GetFromJsonAsync<JsonArray>(new Uri("/api/auth/employer-users", UriKind.Relative)))!);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri("/api/postings/echo", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_owner_cannot_be_removed_and_seekers_have_no_colleagues()
    {
        var (ownerToken, ownerClaims) = await RegisterEmployerAsync();
        using var owner = _gateway.Client(ownerToken);
        using var self = await owner.DeleteAsync(new Uri($"/api/auth/employer-users/{ownerClaims["sub"]!.GetValue<string>()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);

        using var registered = await _gateway.Client().PostAsJsonAsync("/api/auth/register", new { username = NewUsername("seeker"), password = "long-enough-1" });
        using var seeker = _gateway.Client((await registered.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync(new Uri("/api/auth/employer-users", UriKind.Relative))).StatusCode);
    }

    /// <summary>The issuer's answers read strictly into the records the portal's IdentityApi reads them with (record 068).</summary>
    [Fact]
    public async Task The_issuers_answers_read_as_the_shared_records()
    {
        var seekerName = NewUsername("seeker");
        var seeker = await ContractJson.ReadAsync<TokenResponse>(await _gateway.Client().PostAsJsonAsync("/api/auth/register",
            new { username = seekerName, password = "long-enough-1", displayName = "张伟" }), HttpStatusCode.Created);
        Assert.Equal(("seeker", "Bearer"), (seeker.Role, seeker.TokenType));
        Assert.Equal(seeker.UserId, (await ContractJson.ReadAsync<TokenResponse>(await _gateway.Client().PostAsJsonAsync("/api/auth/token",
            new { username = seekerName, password = "long-enough-1" }))).UserId);
        using (var signedIn = _gateway.Client(seeker.AccessToken))
            Assert.True((await ContractJson.ReadAsync<DeletedLogin>(await signedIn.DeleteAsync(new Uri("/api/auth/me", UriKind.Relative)))).LoginDeleted);

        var owner = await ContractJson.ReadAsync<TokenResponse>(await _gateway.Client().PostAsJsonAsync("/api/auth/register/employer",
            new { username = NewUsername("owner"), password = "long-enough-1", displayName = "王丽" }), HttpStatusCode.Created);
        using var client = _gateway.Client(owner.AccessToken);
        var invited = await ContractJson.ReadAsync<EmployerUser>(await client.PostAsJsonAsync("/api/auth/employer-users",
            new { username = NewUsername("hr"), password = "colleague-pass", displayName = "李强" }), HttpStatusCode.Created);
        Assert.False(invited.Owner);
        Assert.Equal([owner.UserId, invited.UserId],
            (await ContractJson.GetAsync<IReadOnlyList<EmployerUser>>(client, "/api/auth/employer-users")).OrderByDescending(user => user.Owner).Select(user => user.UserId));
    }
}
