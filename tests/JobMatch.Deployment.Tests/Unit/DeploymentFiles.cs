using System.Text.RegularExpressions;
using JobMatch.Testing;
using YamlDotNet.RepresentationModel;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>The deployment files and the code they deploy, read once.</summary>
public static partial class DeploymentFiles
{
    /// <summary>Compose service → the project it builds (relative to the repository root).</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["postings"] = "services/JobPostings.Api",
        ["profiles"] = "services/Profiles.Api",
        ["matching"] = "services/Matching.Api",
        ["notifications"] = "services/Notifications.Api",
        ["gateway"] = "gateway/JobMatch.Gateway",
    };

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, relativePath));

    public static YamlMappingNode Compose { get; } = LoadYaml("docker-compose.yml").Single();

    public static IReadOnlyList<YamlMappingNode> Kubernetes { get; } = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "deploy", "k8s"), "*.yaml")
        .SelectMany(file => LoadYaml(Path.GetRelativePath(RepositoryRoot.Path, file))).ToList();

    public static IEnumerable<YamlMappingNode> LoadYaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relativePath));
        stream.Load(reader);
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>();
    }

    public static YamlMappingNode ComposeService(string name) => (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    /// <summary>Environment of a compose service, merge keys (&lt;&lt;) resolved by YamlDotNet's representation model.</summary>
    public static IReadOnlyDictionary<string, string> ComposeEnvironment(string name)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(YamlNode node)
        {
            if (node is not YamlMappingNode map) return;
            foreach (var (key, value) in map.Children)
            {
                if (key.ToString() == "<<") Add(value);
                else environment[key.ToString()] = value.ToString();
            }
        }
        Add(Resolve(ComposeService(name), "environment"));
        return environment;
    }

    /// <summary>A mapping's value, following a &lt;&lt; merge when the key is not set directly.</summary>
    public static YamlNode Resolve(YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value)) return value;
        return map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent
            ? Resolve(parent, key)
            : throw new KeyNotFoundException(key);
    }

    /// <summary>All C# and appsettings text a component's configuration can be read from: its project and ServiceDefaults.</summary>
    public static string ConfigurationSources(string component)
    {
        var folders = new[] { Projects[component], "services/JobMatch.ServiceDefaults" };
        return string.Join('\n', folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories))
            .Where(file => (file.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(file).StartsWith("appsettings", StringComparison.Ordinal))
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
    }

    /// <summary>
    /// Why an environment variable would be ignored by a component, or null if the component reads it: the
    /// framework's own variables pass; ConnectionStrings__X needs GetConnectionString("X"); ReverseProxy keys need
    /// a cluster of that name; any other needs its section and its last name to occur in the component's code.
    /// </summary>
    public static string? UnreadVariable(string component, string variable, string sources)
    {
        if (variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || variable.StartsWith("DOTNET_", StringComparison.Ordinal)) return null;
        if (variable.StartsWith("OTEL_", StringComparison.Ordinal))
            return sources.Contains($"\"{variable}\"", StringComparison.Ordinal) ? null : $"{variable} is not read";
        var parts = variable.Split("__");
        if (parts[0] == "ConnectionStrings")
            return sources.Contains($"GetConnectionString(\"{parts[1]}\")", StringComparison.Ordinal) ? null : $"no GetConnectionString(\"{parts[1]}\")";
        if (parts[0] == "ReverseProxy")
        {
            return component == "gateway" && parts is [_, "Clusters", var cluster, ..] && sources.Contains($"\"{cluster}\": {{", StringComparison.Ordinal)
                ? null : $"no cluster {string.Join(':', parts.Skip(2).Take(1))}";
        }

        var names = parts.Where(part => !part.All(char.IsDigit)).ToList();
        var section = names[0];
        var last = names[^1];
        var sectionRead = sources.Contains($"\"{section}\"", StringComparison.Ordinal) || sources.Contains($"\"{section}:", StringComparison.Ordinal);
        var keyRead = sources.Contains($"\"{last}\"", StringComparison.Ordinal) || sources.Contains($":{last}\"", StringComparison.Ordinal)
            || PropertyPattern(last).IsMatch(sources) || (parts[^2] == "Keys" && sources.Contains("GetSection(\"Keys\")", StringComparison.Ordinal));
        return sectionRead && keyRead ? null : $"section {section} read: {sectionRead}, {last} read: {keyRead}";
    }

    private static Regex PropertyPattern(string name) => new($@"\bpublic [\w<>?,\[\] ]+ {Regex.Escape(name)} \{{ get;");
}
