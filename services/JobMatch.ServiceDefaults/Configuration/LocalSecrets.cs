using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace JobMatch.ServiceDefaults.Configuration;

/// <summary>
/// In Development, the secrets <c>deploy/local/run.sh</c> generated for this checkout (<c>.local/secrets.env</c>,
/// never committed), so a service started on its own with <c>dotnet run</c> signs, checks and encrypts with the same
/// keys as the platform run.sh started. Read as "KEY=VALUE" lines with "__" for ":", as the shell exports them.
/// They rank just above appsettings.Development.json (whose keys are development-only stand-ins) and below
/// environment variables and test settings, where user secrets would. <c>Services__{name}__…</c> keys are one
/// service's own (its database role, its broker user: least privilege, issue 18) and apply to that service only.
/// </summary>
public static class LocalSecrets
{
    public const string RelativePath = ".local/secrets.env";

    public static IHostApplicationBuilder AddLocalSecrets(this IHostApplicationBuilder builder, string? serviceName = null)
    {
        if (!builder.Environment.IsDevelopment()) return builder;
        if (FindFile(builder.Environment.ContentRootPath) is not { } file) return builder;
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var environmentFile = $"appsettings.{builder.Environment.EnvironmentName}.json";
        var after = sources.ToList().FindLastIndex(source => source is FileConfigurationSource { Path: var path } && path == environmentFile);
        sources.Insert(after + 1, new MemoryConfigurationSource { InitialData = ForService(Read(file), serviceName) });
        return builder;
    }

    /// <summary>The checkout's file: found by walking up from the content root (a project or its bin folder) to the solution.</summary>
    public static string? FindFile(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "JobMatch.sln"))) continue;
            var file = Path.Combine(directory.FullName, RelativePath);
            return File.Exists(file) ? file : null;
        }
        return null;
    }

    /// <summary>The shared keys, with the named service's own (<c>Services:{name}:…</c>) in place of theirs; other services' left out.</summary>
    public static Dictionary<string, string?> ForService(Dictionary<string, string?> settings, string? serviceName)
    {
        var prefix = $"Services{ConfigurationPath.KeyDelimiter}{serviceName}{ConfigurationPath.KeyDelimiter}";
        var shared = settings.Where(pair => !pair.Key.StartsWith("Services" + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));
        IEnumerable<KeyValuePair<string, string?>> own = serviceName is null ? [] : settings.Where(pair => pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(pair => KeyValuePair.Create(pair.Key[prefix.Length..], pair.Value));
        var result = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in own) result[key] = value;
        return result;
    }

    public static Dictionary<string, string?> Read(string file)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadAllLines(file))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var key = trimmed[..equals].Trim();
            if (key.StartsWith("export ", StringComparison.Ordinal)) key = key["export ".Length..].Trim();
            settings[key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = trimmed[(equals + 1)..].Trim().Trim('"', '\'');
        }
        return settings;
    }
}
