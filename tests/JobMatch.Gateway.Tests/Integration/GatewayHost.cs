using System.Net.Http.Headers;
using JobMatch.Gateway.DevelopmentIssuer;
using JobMatch.Testing;
using JobMatch.Testing.Logs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>The gateway in-process, forwarding every cluster to a real backend on a loopback port.</summary>
public sealed class GatewayHost(TestServers servers, Uri backend, IReadOnlyDictionary<string, string> settings)
    : WebApplicationFactory<DevelopmentIssuerOptions>
{
    public HttpClient Client(string? token = null)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.LogToTestFile("gateway");
        builder.UseSetting("ConnectionStrings:Redis", servers.Redis);
        foreach (var (key, value) in TestSecrets.ServiceSettings) builder.UseSetting(key, value);
        foreach (var cluster in new[] { "postings", "profiles", "matching", "notifications", "portal" })
        {
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address", backend.ToString());
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:HttpRequest:ActivityTimeout", "00:00:02");
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:HealthCheck:Active:Enabled", "false");
        }
        builder.UseSetting("Auth:DevelopmentIssuer:Enabled", "true");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
