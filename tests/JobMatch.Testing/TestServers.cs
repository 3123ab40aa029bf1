using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace JobMatch.Testing;

/// <summary>
/// The real PostgreSQL, RabbitMQ and Redis every integration test uses. When JOBMATCH_TEST_POSTGRES,
/// JOBMATCH_TEST_RABBITMQ, JOBMATCH_TEST_RABBITMQ_MANAGEMENT and JOBMATCH_TEST_REDIS are set (the test command
/// sets them), those servers are used; otherwise deploy/local/servers.sh starts private ones on free loopback
/// ports in a temporary directory, stopped when the test process exits. Each test gets its own database and
/// RabbitMQ virtual host, so tests never see each other's rows or queues.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);
    private readonly HttpClient _management;

    private TestServers(string postgres, string rabbitMq, string management, string redis)
    {
        Postgres = postgres;
        RabbitMq = new Uri(rabbitMq);
        // The components keep Redis's 1 s timeouts; a test host on a loaded CI machine can see a command take longer and
        // answer 503 for a Redis that is only slow (c21: the gateway removing an HR user). A ceiling, not a wait: a call
        // still returns as soon as Redis answers.
        Redis = redis.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase) ? redis : redis + ",syncTimeout=30000,asyncTimeout=30000,connectTimeout=30000";
        var managementUri = new Uri(management);
        _management = new HttpClient { BaseAddress = new Uri(managementUri.GetLeftPart(UriPartial.Authority) + "/") };
        var user = managementUri.UserInfo.Length > 0 ? Uri.UnescapeDataString(managementUri.UserInfo) : "guest:guest";
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
    }

    /// <summary>Server-level connection string (no database).</summary>
    public string Postgres { get; }
    /// <summary>The broker, default virtual host.</summary>
    public Uri RabbitMq { get; }
    public string Redis { get; }

    public static Task<TestServers> GetAsync() => Shared.Value;

    public static string NewDatabaseName() => "test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Postgres) { Database = database }.ConnectionString;

    /// <summary>A fresh virtual host, returned as the amqp:// URI the services take.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        (await _management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = RabbitMq.UserInfo.Split(':')[0];
        (await _management.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(Uri.UnescapeDataString(user))}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new UriBuilder(RabbitMq) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Removes a test's virtual host (queues, exchanges and all); a missing one is fine.</summary>
    public async Task DeleteVirtualHostAsync(string virtualHostUri)
    {
        var vhost = Uri.EscapeDataString(new Uri(virtualHostUri).AbsolutePath.TrimStart('/'));
        using var response = await _management.DeleteAsync($"api/vhosts/{vhost}");
    }

    /// <summary>Drops a test's database, closing whatever connections are left; a missing one is fine.</summary>
    public async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Messages waiting in a queue of a virtual host, or null when the queue does not exist.</summary>
    public async Task<int?> QueueDepthAsync(string virtualHostUri, string queue)
    {
        var vhost = Uri.EscapeDataString(new Uri(virtualHostUri).AbsolutePath.TrimStart('/'));
        using var response = await _management.GetAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // The management API refreshes counts every few seconds; "messages" may lag, so take the larger view.
        var root = json.RootElement;
        var ready = root.TryGetProperty("messages_ready", out var r) ? r.GetInt32() : 0;
        var total = root.TryGetProperty("messages", out var m) ? m.GetInt32() : 0;
        return Math.Max(ready, total);
    }

    /// <summary>The queues of a virtual host, by name, with their type (classic, quorum).</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueuesAsync(string virtualHostUri)
    {
        var vhost = Uri.EscapeDataString(new Uri(virtualHostUri).AbsolutePath.TrimStart('/'));
        using var json = JsonDocument.Parse(await _management.GetStringAsync($"api/queues/{vhost}"));
        return json.RootElement.EnumerateArray().ToDictionary(
            queue => queue.GetProperty("name").GetString()!,
            queue => queue.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "");
    }

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("JOBMATCH_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("JOBMATCH_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("JOBMATCH_TEST_RABBITMQ_MANAGEMENT");
        var redis = Environment.GetEnvironmentVariable("JOBMATCH_TEST_REDIS");
        if (postgres is not null && rabbit is not null && management is not null && redis is not null)
            return new TestServers(postgres, rabbit, management, redis);
        return await StartPrivateServersAsync();
    }

    private static async Task<TestServers> StartPrivateServersAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "servers.sh");
        var dataDir = Directory.CreateTempSubdirectory("jobmatch-test-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["JOBMATCH_DATA_DIR"] = dataDir,
            ["JOBMATCH_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JOBMATCH_RABBITMQ_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JOBMATCH_RABBITMQ_MGMT_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JOBMATCH_RABBITMQ_DIST_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JOBMATCH_REDIS_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await RunScriptAsync(script, "start", environment);
        StopWhenThisProcessExits(script, environment);
        return new TestServers(
            $"Host=127.0.0.1;Port={environment["JOBMATCH_PG_PORT"]};Username=postgres;Password=postgres",
            $"amqp://guest:guest@127.0.0.1:{environment["JOBMATCH_RABBITMQ_PORT"]}/",
            $"http://guest:guest@127.0.0.1:{environment["JOBMATCH_RABBITMQ_MGMT_PORT"]}/",
            $"127.0.0.1:{environment["JOBMATCH_REDIS_PORT"]}");
    }

    /// <summary>
    /// The test host is killed rather than shut down at the end of a run, so no exit handler of ours is sure
    /// to run: a detached watchdog stops the servers and removes their directory once this process is gone.
    /// </summary>
    private static void StopWhenThisProcessExits(string script, IReadOnlyDictionary<string, string> environment)
    {
        var watchdog = new ProcessStartInfo("setsid",
        [
            "bash", "-c", "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; bash \"$2\" stop --purge >/dev/null 2>&1",
            "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), script,
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (key, value) in environment) watchdog.Environment[key] = value;
        Process.Start(watchdog)?.Dispose();
    }

    private static async Task RunScriptAsync(string script, string verb, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/local/servers.sh {verb} failed ({process.ExitCode}). It names any missing package:\n{await output}\n{await error}");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
