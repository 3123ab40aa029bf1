using JobMatch.Testing;
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

    [Fact]
    public void The_matching_image_installs_openmp_for_lightgbm_and_no_longer_xgboost()
    {
        var dockerfile = DeploymentFiles.Read("services/Matching.Api/Dockerfile");

        Assert.Contains("libgomp1", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("xgboost", dockerfile, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xgboost", DeploymentFiles.Read("deploy/local/servers.sh"), StringComparison.OrdinalIgnoreCase);
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

    [Theory]
    [MemberData(nameof(Components))]
    public void A_component_logs_in_to_redis_as_its_own_user_only_when_it_uses_redis(string component)
    {
        // deploy/redis/users.acl names a user per component that calls AddRedis; compose and Kubernetes connect it as
        // that user, and give a component that does not use Redis no Redis connection at all.
        var usesRedis = DeploymentFiles.ConfigurationSources(component).Contains(".AddRedis()", StringComparison.Ordinal);
        var acl = File.ReadLines(RedisUsers.RulesFile).Any(line => line.StartsWith(component + " ", StringComparison.Ordinal));
        Assert.Equal(usesRedis, acl);
        var compose = DeploymentFiles.ComposeEnvironment(component).GetValueOrDefault("ConnectionStrings__Redis");
        if (!usesRedis)
        {
            Assert.Null(compose);
            return;
        }
        Assert.Contains($"user=jobmatch-{component},", compose, StringComparison.Ordinal);
        Assert.Contains($"{component}-redis: ", DeploymentFiles.Read("deploy/k8s/secrets.example.yaml"), StringComparison.Ordinal);
        Assert.Contains($"user=jobmatch-{component},", DeploymentFiles.Read("deploy/k8s/secrets.example.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postings")]
    [InlineData("profiles")]
    [InlineData("matching")]
    [InlineData("notifications")]
    public void A_service_logs_in_to_the_broker_as_its_own_user_with_its_own_password(string service)
    {
        var variable = $"JOBMATCH_RABBITMQ_{service.ToUpperInvariant()}_PASSWORD";
        var uri = DeploymentFiles.ComposeEnvironment(service)["ConnectionStrings__RabbitMq"];
        Assert.StartsWith($"amqp://jobmatch-{service}:${{{variable}:?", uri, StringComparison.Ordinal);
        // The broker's container creates that user from the same variable (deploy/rabbitmq/users.sh) before it is healthy.
        var broker = DeploymentFiles.ComposeEnvironment("rabbitmq");
        Assert.StartsWith($"${{{variable}:?", broker[variable], StringComparison.Ordinal);
        Assert.Equal("jobmatch-admin", broker["RABBITMQ_DEFAULT_USER"]);
        var rabbitmq = DeploymentFiles.ComposeService("rabbitmq");
        Assert.Contains("./deploy/rabbitmq/users.sh:/jobmatch/users.sh:ro", ((YamlSequenceNode)rabbitmq["volumes"]).Select(v => v.ToString()));
        Assert.Contains("sh /jobmatch/users.sh", string.Join(' ', ((YamlSequenceNode)rabbitmq["entrypoint"]).Select(v => v.ToString())), StringComparison.Ordinal);
        Assert.Contains("/tmp/jobmatch-users-ready", string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)rabbitmq["healthcheck"])["test"]).Select(v => v.ToString())), StringComparison.Ordinal);
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
