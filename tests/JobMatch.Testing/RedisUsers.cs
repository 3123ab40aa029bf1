using StackExchange.Redis;

namespace JobMatch.Testing;

/// <summary>
/// The Redis users of deploy/redis/users.acl on the test Redis: a component's line applied to a fresh user (a unique
/// name per test, so tests in parallel never share one), its connection string, and what Redis refused it (ACL LOG).
/// </summary>
public static class RedisUsers
{
    public static readonly string RulesFile = Path.Combine(RepositoryRoot.Path, "deploy", "redis", "users.acl");

    /// <summary>The rules of the component's line, as the deployments apply them.</summary>
    public static string[] RulesOf(string component) =>
        File.ReadLines(RulesFile).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SingleOrDefault(fields => fields[0] == component)?[1..]
        ?? throw new InvalidOperationException($"{RulesFile} has no line for {component}");

    /// <summary>Creates a user with the component's rules and returns its name and a connection string that logs in as
    /// it, with timeouts long enough for a loaded test machine (the components' own default is 1 s).</summary>
    public static async Task<(string User, string ConnectionString)> CreateAsync(TestServers servers, string component)
    {
        var user = $"jobmatch-{component}-{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await using var admin = await ConnectionMultiplexer.ConnectAsync(servers.Redis);
        await admin.GetDatabase().ExecuteAsync("ACL", ["SETUSER", user, "reset", "on", ">" + password, .. RulesOf(component)]);
        return (user, $"{servers.Redis},user={user},password={password},syncTimeout=30000,asyncTimeout=30000,connectTimeout=30000");
    }

    /// <summary>Every refusal Redis logged for the user: "reason object" (e.g. "command config", "key jobmatch:x").</summary>
    public static async Task<List<string>> RefusalsAsync(TestServers servers, string user)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(servers.Redis);
        var log = (RedisResult[])(await admin.GetDatabase().ExecuteAsync("ACL", "LOG", "1000"))!;
        var refusals = new List<string>();
        foreach (var entry in log)
        {
            var fields = (RedisResult[])entry!;
            var byName = new Dictionary<string, string>();
            for (var i = 0; i + 1 < fields.Length; i += 2) byName[(string)fields[i]!] = fields[i + 1].ToString();
            if (byName.GetValueOrDefault("username") == user) refusals.Add($"{byName.GetValueOrDefault("reason")} {byName.GetValueOrDefault("object")}");
        }
        return refusals;
    }
}
