global using JobMatch.Testing;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace JobMatch.Portal.Tests;

/// <summary>The platform with the portal behind the gateway (tests/JobMatch.Testing/Platform.cs), and Debian's Chromium.</summary>
public sealed class PortalStack : Platform, IAsyncLifetime
{
    public const string DemoPassword = "jobmatch-demo";
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A word only this test's postings carry, that search reads as one term: letters only (the analyzer
    /// splits letters from digits, so a hex tag's pieces would match other tests' tags).</summary>
    public static string SearchTag() => "zq" + new string((Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")).Where(char.IsAsciiLetter).Take(8).ToArray());

    private IPlaywright? _playwright;

    protected override bool WithPortal => true;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every page the journeys visited: weight and accessibility, written to artifacts/ when the run ends.</summary>
    public PageReport Report { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StopBrowserAsync();
        await DisposeAsync();
    }

    public async Task StartBrowserAsync()
    {
        if (_playwright is not null) return;
        // Never download a browser: Debian's chromium is the one (deploy/local/servers.sh installs it for test runs).
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (deploy/local/servers.sh install does it).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI containers cannot use Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task StopBrowserAsync()
    {
        if (_playwright is null) return;
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Report.Write(Path.Combine(AppContext.BaseDirectory, "artifacts"));
    }

    /// <summary>A signed-in API client (setup the journeys need but do not test: another role's data).</summary>
    public async Task<(HttpClient Client, Guid UserId)> SignInAsync(string username, string password = DemoPassword)
    {
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (CreateClient(token["accessToken"]!.GetValue<string>()), token["userId"]!.GetValue<Guid>());
    }

    /// <summary>A new seeker, registered through the gateway's development issuer.</summary>
    public async Task<(HttpClient Client, Guid UserId, string Username)> RegisterSeekerAsync()
    {
        var username = "s-" + Guid.NewGuid().ToString("N")[..10];
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("api/auth/register", new { username, password = DemoPassword, displayName = "测试求职者" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (CreateClient(token["accessToken"]!.GetValue<string>()), token["userId"]!.GetValue<Guid>(), username);
    }

    public async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}\n"
            + string.Join('\n', AllOutput().Split('\n').Where(line => line.Contains("Exception", StringComparison.Ordinal)).TakeLast(5)));
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    /// <summary>A posting created and submitted by the demo employer; returns its id and the status screening gave it.</summary>
    public async Task<(Guid Id, string Status)> PostingAsync(string title, string description, string[] skills, string regionCode = "150102",
        double latitude = 40.8426, double longitude = 111.7492)
    {
        var (employer, _) = await SignInAsync("employer");
        using (employer)
        {
            var created = await SendAsync(employer, HttpMethod.Post, "api/postings", new
            {
                title, description, skills, regionCode, latitude, longitude, salaryMin = 4500, salaryMax = 6500, vacancies = 2,
            });
            var id = created["id"]!.GetValue<Guid>();
            var published = await SendAsync(employer, HttpMethod.Post, $"api/postings/{id}/publish");
            return (id, published["status"]!.GetValue<string>());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalStack>
{
    public const string Name = "portal";
}
