using JobMatch.ServiceDefaults.Health;
using YamlDotNet.RepresentationModel;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>deploy/k8s agrees with the code: probes, resources, the autoscaler, secrets and settings.</summary>
public sealed class KubernetesTests
{
    private static IEnumerable<YamlMappingNode> OfKind(string kind) =>
        DeploymentFiles.Kubernetes.Where(document => document.Children.TryGetValue(new YamlScalarNode("kind"), out var k) && k.ToString() == kind);

    private static string Name(YamlMappingNode document) => ((YamlMappingNode)document["metadata"])["name"].ToString();

    private static YamlMappingNode Container(YamlMappingNode deployment) =>
        (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"])["containers"]).Single();

    public static TheoryData<string> Components() => [.. DeploymentFiles.Projects.Keys];

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_component_has_a_deployment_probed_on_its_health_endpoints_with_requests_and_limits(string component)
    {
        var container = Container(OfKind("Deployment").Single(deployment => Name(deployment) == component));
        Assert.Equal("8080", ((YamlMappingNode)((YamlSequenceNode)container["ports"]).Single())["containerPort"].ToString());
        Assert.Equal(HealthExtensions.ReadyPath, ((YamlMappingNode)((YamlMappingNode)container["readinessProbe"])["httpGet"])["path"].ToString());
        Assert.Equal(HealthExtensions.LivePath, ((YamlMappingNode)((YamlMappingNode)container["livenessProbe"])["httpGet"])["path"].ToString());
        var resources = (YamlMappingNode)container["resources"];
        foreach (var part in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.NotEmpty(((YamlMappingNode)resources[part])[resource].ToString());
        }

        Assert.Contains(OfKind("Service"), service => Name(service) == component);
    }

    [Fact]
    public void Matching_workers_scale_out_with_a_horizontal_autoscaler()
    {
        var autoscaler = OfKind("HorizontalPodAutoscaler").Single();
        var target = (YamlMappingNode)((YamlMappingNode)autoscaler["spec"])["scaleTargetRef"];
        Assert.Equal("matching", target["name"].ToString());
        Assert.True(int.Parse(((YamlMappingNode)autoscaler["spec"])["maxReplicas"].ToString(), System.Globalization.CultureInfo.InvariantCulture) > 2);
    }

    [Fact]
    public void RabbitMQ_runs_as_three_nodes_defaulting_to_quorum_queues()
    {
        var broker = OfKind("StatefulSet").Single(set => Name(set) == "rabbitmq");
        Assert.Equal("3", ((YamlMappingNode)broker["spec"])["replicas"].ToString());
        Assert.Contains("default_queue_type = quorum", DeploymentFiles.Read("deploy/k8s/rabbitmq.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_secret_a_deployment_reads_is_in_the_secrets_template()
    {
        var template = OfKind("Secret").ToDictionary(Name, secret => ((YamlMappingNode)secret["stringData"]).Children.Keys.Select(k => k.ToString()).ToHashSet());
        var references = DeploymentFiles.Kubernetes.SelectMany(Descendants).OfType<YamlMappingNode>()
            .Where(node => node.Children.ContainsKey(new YamlScalarNode("secretKeyRef")))
            .Select(node => (YamlMappingNode)node["secretKeyRef"]).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference["key"].ToString(), template[reference["name"].ToString()]));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_environment_variable_is_one_the_component_reads(string component)
    {
        var sources = DeploymentFiles.ConfigurationSources(component);
        var container = Container(OfKind("Deployment").Single(deployment => Name(deployment) == component));
        var names = ((YamlSequenceNode)container["env"]).Select(entry => ((YamlMappingNode)entry)["name"].ToString())
            .Concat(OfKind("ConfigMap").Where(map => Name(map).StartsWith("jobmatch-", StringComparison.Ordinal))
                .Where(map => component == "gateway" || Name(map) == "jobmatch-config")
                .SelectMany(map => ((YamlMappingNode)map["data"]).Children.Keys.Select(key => key.ToString())));
        var unread = names.Select(name => (name, Why: DeploymentFiles.UnreadVariable(component, name, sources)))
            .Where(result => result.Why is not null).Select(result => $"{result.name}: {result.Why}").ToList();
        Assert.True(unread.Count == 0, string.Join('\n', unread));
    }

    [Fact]
    public void Network_policies_deny_by_default_and_let_only_the_gateway_call_the_services_and_the_portal()
    {
        var policies = OfKind("NetworkPolicy").ToDictionary(Name, policy => (YamlMappingNode)policy["spec"]);
        var deny = policies["default-deny"];
        Assert.Empty((YamlMappingNode)deny["podSelector"]);
        Assert.Equal(["Ingress", "Egress"], ((YamlSequenceNode)deny["policyTypes"]).Select(type => type.ToString()));
        Assert.False(deny.Children.ContainsKey(new YamlScalarNode("ingress")) || deny.Children.ContainsKey(new YamlScalarNode("egress")));
        foreach (var component in DeploymentFiles.Projects.Keys.Where(component => component != "gateway"))
        {
            var ingress = (YamlSequenceNode)policies[component]["ingress"];
            var from = ingress.Cast<YamlMappingNode>().SelectMany(rule => (YamlSequenceNode)rule["from"]).Cast<YamlMappingNode>()
                .Select(peer => ((YamlMappingNode)((YamlMappingNode)peer["podSelector"])["matchLabels"])["app.kubernetes.io/name"].ToString());
            Assert.Equal(["gateway"], from.Distinct());
        }
    }

    [Fact]
    public void Each_service_connects_to_postgresql_as_its_own_role()
    {
        var template = (YamlMappingNode)OfKind("Secret").Single(secret => Name(secret) == "jobmatch-secrets")["stringData"];
        foreach (var service in new[] { "postings", "profiles", "matching", "notifications" })
        {
            var env = (YamlSequenceNode)Container(OfKind("Deployment").Single(deployment => Name(deployment) == service))["env"];
            var postgres = env.Cast<YamlMappingNode>().Single(entry => entry["name"].ToString() == "ConnectionStrings__Postgres");
            var key = ((YamlMappingNode)((YamlMappingNode)postgres["valueFrom"])["secretKeyRef"])["key"].ToString();
            Assert.Contains($"Username=jobmatch_{service};", template[key].ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_service_connects_to_the_broker_as_its_own_user_that_the_broker_pods_create()
    {
        var secrets = OfKind("Secret").ToDictionary(Name, secret => (YamlMappingNode)secret["stringData"]);
        var broker = Container(OfKind("StatefulSet").Single(set => Name(set) == "rabbitmq"));
        var brokerEnv = ((YamlSequenceNode)broker["env"]).Cast<YamlMappingNode>().ToDictionary(entry => entry["name"].ToString());
        foreach (var service in new[] { "postings", "profiles", "matching", "notifications" })
        {
            var env = (YamlSequenceNode)Container(OfKind("Deployment").Single(deployment => Name(deployment) == service))["env"];
            var rabbit = env.Cast<YamlMappingNode>().Single(entry => entry["name"].ToString() == "ConnectionStrings__RabbitMq");
            var key = ((YamlMappingNode)((YamlMappingNode)rabbit["valueFrom"])["secretKeyRef"])["key"].ToString();
            Assert.StartsWith($"amqp://jobmatch-{service}:", secrets["jobmatch-secrets"][key].ToString(), StringComparison.Ordinal);
            var password = (YamlMappingNode)((YamlMappingNode)brokerEnv[$"JOBMATCH_RABBITMQ_{service.ToUpperInvariant()}_PASSWORD"]["valueFrom"])["secretKeyRef"];
            Assert.Equal("rabbitmq-secrets", password["name"].ToString());
        }
        Assert.DoesNotContain("rabbitmq-uri", secrets["jobmatch-secrets"].Children.Keys.Select(k => k.ToString()));
        // The postStart hook runs the script a ConfigMap carries: the same text as deploy/rabbitmq/users.sh.
        var users = OfKind("ConfigMap").Single(map => Name(map) == "rabbitmq-users");
        Assert.Equal(DeploymentFiles.Read("deploy/rabbitmq/users.sh"), ((YamlMappingNode)users["data"])["users.sh"].ToString());
        var hook = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)broker["lifecycle"])["postStart"])["exec"])["command"]).Select(n => n.ToString());
        Assert.Equal(["sh", "/jobmatch/users.sh"], hook);
        Assert.Contains("/tmp/jobmatch-users-ready", string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)broker["readinessProbe"])["exec"])["command"]).Select(n => n.ToString())), StringComparison.Ordinal);
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Values.SelectMany(child => Descendants(child).Prepend(child)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(child => Descendants(child).Prepend(child)),
        _ => [],
    };
}
