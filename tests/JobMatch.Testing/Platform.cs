using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JobMatch.Testing.Logs;
using Xunit;

namespace JobMatch.Testing;

/// <summary>
/// The whole platform as separate processes, exactly as deploy/local/run.sh runs it: the four services and
/// the gateway (and the portal, for a subclass that asks for it), built outputs started with `dotnet X.dll`,
/// on free ports, on the real servers, each service with a fresh database and all of them on a fresh virtual host.
/// Shared by the end-to-end and portal tests; each test project declares its own collection.
/// </summary>
public class Platform : IAsyncLifetime
{
    public static readonly string[] Services = ["postings", "profiles", "matching", "notifications"];

    private static readonly Dictionary<string, string> Projects = new()
    {
        ["postings"] = "services/JobPostings.Api/JobPostings.Api",
        ["profiles"] = "services/Profiles.Api/Profiles.Api",
        ["matching"] = "services/Matching.Api/Matching.Api",
        ["notifications"] = "services/Notifications.Api/Notifications.Api",
        ["gateway"] = "gateway/JobMatch.Gateway/JobMatch.Gateway",
        ["portal"] = "services/Portal/Portal",
    };

    private readonly Dictionary<string, int> _ports = new();
    private readonly ConcurrentDictionary<string, Process> _processes = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, FileLoggerProvider> _logs = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private TestServers _servers = null!;
    private string _virtualHost = "";

    public Uri Gateway => new($"http://127.0.0.1:{_ports["gateway"]}/");

    public TestServers Servers => _servers;

    /// <summary>The database a service of this platform runs on.</summary>
    public string DatabaseOf(string service) => $"e2e_{_runId}_{service}";

    public Uri ServiceAddress(string service) => new($"http://127.0.0.1:{_ports[service]}/");

    /// <summary>Whether the portal runs too (behind the gateway's catch-all route); the test project must build it.</summary>
    protected virtual bool WithPortal => false;

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _virtualHost = await _servers.CreateVirtualHostAsync();
        foreach (var name in Projects.Keys) _ports[name] = TestServers.FreePort();
        // Services first and ready, so every consumer's queue exists before anything publishes.
        foreach (var service in Services) Start(service);
        foreach (var service in Services) await WaitUntilReadyAsync(service);
        Start("gateway");
        await WaitUntilReadyAsync("gateway");
        if (WithPortal)
        {
            Start("portal");
            await WaitUntilReadyAsync("portal");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _processes.Keys.ToList()) await StopAsync(name);
        foreach (var log in _logs.Values) log.Dispose();
        foreach (var service in Services) await _servers.DropDatabaseAsync(DatabaseOf(service));
        await _servers.DeleteVirtualHostAsync(_virtualHost);
    }

    public void Start(string name)
    {
        var dll = Path.Combine(RepositoryRoot.Path, Projects[name].Replace('/', Path.DirectorySeparatorChar));
        var output = Path.Combine(Path.GetDirectoryName(dll)!, "bin", BuildConfiguration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, Path.GetFileName(dll) + ".dll")])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(name)) start.Environment[key] = value;
        // A restarted process appends to the file of its first start, so one file tells the process's whole story.
        _logs.GetOrAdd(name, _ => new FileLoggerProvider(TestLogs.NewFile(name)));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, line) => Record(name, line.Data);
        process.ErrorDataReceived += (_, line) => Record(name, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes[name] = process;
    }

    /// <summary>Stops a process the way an orchestrator does: SIGTERM, then a grace period for a clean shutdown.</summary>
    public async Task StopAsync(string name)
    {
        if (!_processes.TryRemove(name, out var process)) return;
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    /// <summary>kill -9: no shutdown at all, so whatever the process held unacknowledged goes back to its queue.</summary>
    public async Task KillAsync(string name)
    {
        if (!_processes.TryRemove(name, out var process)) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async Task WaitUntilReadyAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports[name]}/"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_processes.TryGetValue(name, out var process) && process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}.\n{RecentOutput(name)}");
            try
            {
                using var response = await client.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"{name} never became ready.\n{RecentOutput(name)}");
    }

    /// <summary>The last lines a process wrote, to explain a failure.</summary>
    public string RecentOutput(string name) =>
        string.Join('\n', _output.Where(line => line.StartsWith(name + ": ", StringComparison.Ordinal)).TakeLast(40));

    public string AllOutput() => string.Join('\n', _output);

    private Dictionary<string, string> Environment(string name)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_ports[name]}",
            // Development switches on the gateway's development issuer and its demo accounts.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Postgres"] = _servers.Postgres,
            ["ConnectionStrings__RabbitMq"] = _virtualHost,
            ["ConnectionStrings__Redis"] = _servers.Redis,
            ["Database__Name"] = DatabaseOf(name),
        };
        foreach (var (key, value) in TestSecrets.ServiceSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        if (name == "gateway")
        {
            environment["RateLimits__KeyPrefix"] = $"e2e-{_runId}";
            // Limits are tested on their own (gateway tests); here one address drives thousands of calls.
            environment["RateLimits__PerUser"] = "1000000";
            environment["RateLimits__PerAddress"] = "1000000";
            // The browser journeys sign in and register many times a minute from one address (sign-in's own limit is 10).
            environment["RateLimits__SignInPerAddress"] = "1000000";
            foreach (var (service, cluster) in new[] { ("postings", "postings"), ("profiles", "profiles"), ("matching", "matching"), ("notifications", "notifications"), ("portal", "portal") })
            {
                environment[$"ReverseProxy__Clusters__{cluster}__Destinations__d1__Address"] = $"http://127.0.0.1:{_ports[service]}/";
                environment[$"ReverseProxy__Clusters__{cluster}__HealthCheck__Active__Interval"] = "00:00:01";
            }
            if (!WithPortal) environment["ReverseProxy__Clusters__portal__HealthCheck__Active__Enabled"] = "false";
        }
        if (name == "portal") environment["Portal__GatewayUrl"] = Gateway.ToString();
        return environment;
    }

    private void Record(string name, string? line)
    {
        if (line is null) return;
        _output.Enqueue($"{name}: {line}");
        if (_logs.TryGetValue(name, out var log)) log.WriteLine(line);
        while (_output.Count > 5000) _output.TryDequeue(out _);
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

}
