using System.Net;
using System.Text.RegularExpressions;
using JobMatch.Gateway.DevelopmentIssuer;
using JobMatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>
/// The portal signs people in through the gateway on behalf of each visitor (X-Forwarded-For), so the gateway's
/// sign-in limit (10 a minute) counts visitors, not the portal: one visitor's wrong passwords lock only that visitor.
/// Both run on real ports, the portal in front as a browser reaches it; the header is believed from trusted proxies only.
/// </summary>
public sealed partial class PortalVisitorTests : IAsyncLifetime
{
    private const string Password = "jobmatch-demo";
    private readonly string _keyPrefix = "test-" + Guid.NewGuid().ToString("N");
    private Backend _backend = null!;

    public async Task InitializeAsync() => _backend = await Backend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Eleven_wrong_sign_ins_from_one_visitor_do_not_block_another_visitors_correct_sign_in()
    {
        await using var gateway = await StartGatewayAsync([]);
        await using var portal = StartPortal(gateway.Address);

        var wrong = new List<string>();
        for (var i = 0; i < 11; i++) wrong.Add(await SignInAsync(portal, "198.51.100.7", "guess-" + i));
        var other = await SignInAsync(portal, "198.51.100.8", Password);
        var sameVisitorRight = await SignInAsync(portal, "198.51.100.7", Password);

        Assert.All(wrong.Take(10), answer => Assert.Equal("用户名不存在或密码错误。", answer));
        Assert.Equal("操作太频繁。", wrong[10]);
        Assert.Equal("signed in", other);
        Assert.Equal("操作太频繁。", sameVisitorRight);
    }

    [Fact]
    public async Task The_gateway_believes_the_forwarded_address_only_from_a_trusted_proxy()
    {
        // The portal's address (loopback here) is not among the trusted proxies: its header is ignored, every
        // visitor counts as the portal, and the eleventh attempt of anyone is refused.
        await using var gateway = await StartGatewayAsync(["10.255.255.1"]);
        await using var portal = StartPortal(gateway.Address);

        for (var i = 0; i < 10; i++) await SignInAsync(portal, "198.51.100." + (20 + i), "guess-" + i);
        var eleventh = await SignInAsync(portal, "198.51.100.99", Password);

        Assert.Equal("操作太频繁。", eleventh);
    }

    /// <summary>One sign-in through the portal's form: "signed in", or the message the page shows.</summary>
    private static async Task<string> SignInAsync(PortalHost portal, string visitor, string password)
    {
        using var client = portal.Client(visitor);
        var form = await client.GetStringAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "seeker",
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect) return "signed in";
        var page = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Problem().Match(page).Groups[1].Value.Trim());
    }

    private async Task<KestrelGateway> StartGatewayAsync(string[] trustedProxies)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:KeyPrefix"] = _keyPrefix + Guid.NewGuid().ToString("N")[..6],
            ["RateLimits:SignInPerAddress"] = "10",
            ["Auth:DevelopmentIssuer:Accounts:0:Username"] = "seeker",
            ["Auth:DevelopmentIssuer:Accounts:0:Role"] = "seeker",
            ["Auth:DevelopmentIssuer:Accounts:0:DisplayName"] = "巴特尔",
            ["Auth:DevelopmentIssuer:Accounts:0:UserId"] = Guid.NewGuid().ToString(),
            ["Auth:DevelopmentIssuer:Accounts:0:PasswordHash"] = PasswordHash.Create(Password),
        };
        for (var i = 0; i < trustedProxies.Length; i++) settings[$"Gateway:TrustedProxies:{i}"] = trustedProxies[i];
        var gateway = new KestrelGateway(new GatewayHost(await TestServers.GetAsync(), _backend.Address, settings));
        return gateway;
    }

    private static PortalHost StartPortal(Uri gateway) => new(gateway);

    /// <summary>The in-process gateway on a real port (the portal calls it over HTTP, from loopback).</summary>
    private sealed class KestrelGateway : IAsyncDisposable
    {
        private readonly GatewayHost _host;

        public KestrelGateway(GatewayHost host)
        {
            _host = host;
            host.UseKestrel(0);
            host.StartServer();
            Address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        }

        public Uri Address { get; }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }

    /// <summary>The portal in-process on a real port, in front of the gateway, trusting loopback's X-Forwarded-For.</summary>
    private sealed class PortalHost : WebApplicationFactory<Portal.Infrastructure.GatewayClient>
    {
        private readonly Uri _gateway;

        private readonly Uri _address;

        public PortalHost(Uri gateway)
        {
            _gateway = gateway;
            UseKestrel(0);
            StartServer();
            _address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        }

        /// <summary>A visitor's browser: its own cookies, arriving through a proxy that names its address.</summary>
        public HttpClient Client(string visitor)
        {
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _address };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", visitor);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Portal:GatewayUrl", _gateway.ToString());
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<div class="problem" role="alert">\s*<p><strong>[^<]*</strong>\s*<span>([^<]*)</span>""")]
    private static partial Regex Problem();
}
