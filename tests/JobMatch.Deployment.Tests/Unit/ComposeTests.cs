using JobMatch.ServiceDefaults.Health;
using YamlDotNet.RepresentationModel;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>docker-compose.yml agrees with the code: images, ports, health checks and settings.</summary>
public sealed class ComposeTests
{
    public static TheoryData<string> Components() => [.. DeploymentFiles.Projects.Keys];

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_component_builds_from_its_own_dockerfile_that_runs_its_own_assembly(string component)
    {
        var build = (YamlMappingNode)DeploymentFiles.ComposeService(component)["build"];
        var dockerfile = build["dockerfile"].ToString();
        var project = DeploymentFiles.Projects[component];
        Assert.Equal($"{project}/Dockerfile", dockerfile);
        var text = DeploymentFiles.Read(dockerfile);
        var assembly = Path.GetFileName(project);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", text, StringComparison.Ordinal);
        Assert.Contains($"COPY {project}/{assembly}.csproj", text, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", text, StringComparison.Ordinal);
        Assert.Contains("AS build", text, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", text, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:8080{HealthExtensions.ReadyPath}", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A project the component references (directly or through another) that the image does not copy fails the image
    /// build at restore: both the project file (restore layer) and the folder (build layer) must be copied.
    /// </summary>
    [Theory]
    [MemberData(nameof(Components))]
    public void Every_project_a_component_references_is_copied_into_its_image(string component)
    {
        var text = DeploymentFiles.Read($"{DeploymentFiles.Projects[component]}/Dockerfile");
        var missing = DeploymentFiles.ReferencedProjects(DeploymentFiles.Projects[component])
            .SelectMany(project => new[] { $"COPY {project}/{Path.GetFileName(project)}.csproj {project}/", $"COPY {project}/ {project}/" })
            .Where(line => !text.Contains(line, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{component}'s Dockerfile lacks:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void The_matching_image_installs_xgboost_for_the_learned_ranker()
    {
        Assert.Contains("libxgboost0", DeploymentFiles.Read("services/Matching.Api/Dockerfile"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_component_is_health_checked_on_the_readiness_endpoint_the_code_serves(string component)
    {
        var test = ((YamlSequenceNode)((YamlMappingNode)DeploymentFiles.Resolve(DeploymentFiles.ComposeService(component), "healthcheck"))["test"])
            .Select(node => node.ToString()).ToList();
        Assert.Contains($"http://127.0.0.1:8080{HealthExtensions.ReadyPath}", test);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_environment_variable_is_one_the_component_reads(string component)
    {
        var sources = DeploymentFiles.ConfigurationSources(component);
        var unread = DeploymentFiles.ComposeEnvironment(component)
            .Select(variable => (variable.Key, Why: DeploymentFiles.UnreadVariable(component, variable.Key, sources)))
            .Where(result => result.Why is not null).Select(result => $"{result.Key}: {result.Why}").ToList();
        Assert.True(unread.Count == 0, string.Join('\n', unread));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_component_gets_the_servers_and_keys_it_cannot_start_without(string component)
    {
        var environment = DeploymentFiles.ComposeEnvironment(component);
        var required = new List<string> { "Auth__SigningKey" };
        required.AddRange(component == "gateway"
            ? ["ConnectionStrings__Redis"]
            : ["ConnectionStrings__Postgres", "ConnectionStrings__RabbitMq", "Database__Name"]);
        if (component is "profiles" or "notifications") required.AddRange(["PersonalData__CurrentKeyId", "PersonalData__Keys__key1"]);
        Assert.All(required, key => Assert.True(environment.ContainsKey(key), $"{component} lacks {key}"));
    }

    [Fact]
    public void The_gateway_reaches_every_cluster_it_routes_to_by_service_name_and_container_port()
    {
        var clusters = System.Text.Json.Nodes.JsonNode.Parse(DeploymentFiles.Read("gateway/JobMatch.Gateway/appsettings.json"))!["ReverseProxy"]!["Clusters"]!
            .AsObject().Select(cluster => cluster.Key).ToList();
        var environment = DeploymentFiles.ComposeEnvironment("gateway");
        var services = ((YamlMappingNode)DeploymentFiles.Compose["services"]).Children.Keys.Select(key => key.ToString()).ToHashSet();
        Assert.All(clusters, cluster =>
        {
            var address = new Uri(environment[$"ReverseProxy__Clusters__{cluster}__Destinations__d1__Address"]);
            Assert.Contains(address.Host, services);
            Assert.Equal(8080, address.Port);
        });
    }

    [Fact]
    public void The_stack_has_the_servers_a_collector_and_a_trace_viewer()
    {
        var services = ((YamlMappingNode)DeploymentFiles.Compose["services"]).Children.Keys.Select(key => key.ToString()).ToList();
        Assert.Superset(new HashSet<string> { "postgres", "rabbitmq", "redis", "otel-collector", "jaeger" }, services.ToHashSet());
        Assert.Contains("otel-collector:4317", DeploymentFiles.ComposeEnvironment("matching")["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
    }
}
