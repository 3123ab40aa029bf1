using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobMatch.Testing;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>Every API a service maps is reachable through the gateway, on that service's cluster.</summary>
public sealed partial class GatewayRoutesTests
{
    private static readonly Dictionary<string, string> Clusters = new()
    {
        ["services/JobPostings.Api"] = "postings",
        ["services/Profiles.Api"] = "profiles",
        ["services/Matching.Api"] = "matching",
        ["services/Notifications.Api"] = "notifications",
    };

    [Fact]
    public void Every_api_group_of_every_service_is_routed_to_its_cluster()
    {
        var routes = JsonNode.Parse(DeploymentFiles.Read("gateway/JobMatch.Gateway/appsettings.json"))!["ReverseProxy"]!["Routes"]!.AsObject()
            .Select(route => (Path: route.Value!["Match"]!["Path"]!.GetValue<string>(), Cluster: route.Value!["ClusterId"]!.GetValue<string>()))
            .Where(route => route.Path.EndsWith("/{**rest}", StringComparison.Ordinal))
            .Select(route => (Prefix: route.Path[..^"/{**rest}".Length], route.Cluster)).ToList();
        var unrouted = new List<string>();
        foreach (var (project, cluster) in Clusters)
        {
            var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, project), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(File.ReadAllText);
            foreach (var prefix in sources.SelectMany(source => GroupPattern().Matches(source).Select(match => match.Groups[1].Value)))
            {
                if (!routes.Any(route => route.Cluster == cluster && (prefix == route.Prefix || prefix.StartsWith(route.Prefix + "/", StringComparison.Ordinal))))
                    unrouted.Add($"{prefix} ({project})");
            }
        }
        Assert.True(unrouted.Count == 0, "Not routed by the gateway: " + string.Join(", ", unrouted));
    }

    [GeneratedRegex(@"Map(?:Api)?Group\(""(/api/[^""]+)""")]
    private static partial Regex GroupPattern();
}
