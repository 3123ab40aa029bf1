using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using JobMatch.Testing;

namespace JobMatch.FaultTests;

/// <summary>
/// A RabbitMQ node of the test's own, in a temporary directory on free loopback ports, that the test may kill and
/// start again on the same node name and data directory. Never the shared broker: other tests and engineers use
/// that one. Started the way deploy/local/servers.sh starts its node (Debian's scripts in /usr/lib/rabbitmq/bin,
/// an instance-private HOME and cookie, nothing from /etc/rabbitmq), but without plugins, so it boots faster. Its one
/// virtual host is created on first boot (default_vhost), with the guest user's permissions.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("jobmatch-fault-broker-").FullName;
    private readonly int _port = TestServers.FreePort();
    private readonly int _distributionPort = TestServers.FreePort();

    private PrivateBroker()
    {
        Node = $"jobmatch-fault-{_port.ToString(CultureInfo.InvariantCulture)}@localhost";
        VirtualHost = "fault-restart-" + Guid.NewGuid().ToString("N")[..12];
    }

    public string Node { get; }

    public string VirtualHost { get; }

    /// <summary>The amqp:// URI of the node's virtual host, as the services take it.</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/{VirtualHost}";

    private string PidFile => Path.Combine(_directory, "rabbitmq.pid");

    public static async Task<PrivateBroker> StartAsync()
    {
        var broker = new PrivateBroker();
        broker.Prepare();
        broker.RemoveWhenThisProcessExits();
        await broker.StartNodeAsync();
        return broker;
    }

    /// <summary>Starts the node (again) on its data directory and waits until it has booted and listens.</summary>
    public async Task StartNodeAsync()
    {
        File.Delete(PidFile);
        using (var launch = Process.Start(Command("rabbitmq-server", "-detached")) ?? throw new InvalidOperationException("Could not start rabbitmq-server."))
        {
            await launch.WaitForExitAsync();
            if (launch.ExitCode != 0) throw new InvalidOperationException($"rabbitmq-server -detached failed ({launch.ExitCode}); see {_directory}/log.");
        }
        var deadline = DateTime.UtcNow + BootTimeout;
        while (!await ListensAsync())
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"{Node} never listened on {_port}; see {_directory}/log.");
            await Task.Delay(200);
        }
        // The listener opens late in the boot; await_startup also proves the node answers as a whole.
        using var wait = Process.Start(Command("rabbitmqctl", "-q", "-n", Node, "await_startup", "-t", "120"))
            ?? throw new InvalidOperationException("Could not start rabbitmqctl.");
        await wait.WaitForExitAsync();
        if (wait.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl await_startup failed for {Node}; see {_directory}/log.");
    }

    /// <summary>kill -9 of the Erlang VM: no shutdown at all, whatever was not on disk or acknowledged is gone with it.</summary>
    public async Task KillNodeAsync()
    {
        var pid = NodePid() ?? throw new InvalidOperationException($"{Node} is not running.");
        using (var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (IsBeam(pid) || await ListensAsync())
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"{Node} (pid {pid}) did not go away after kill -9.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (NodePid() is { } pid)
        {
            using var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (IsBeam(pid) && DateTime.UtcNow < deadline) await Task.Delay(100);
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The watchdog removes it once this process is gone.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Prepare()
    {
        foreach (var sub in new[] { "mnesia", "conf.d", "log" }) Directory.CreateDirectory(Path.Combine(_directory, sub));
        File.WriteAllText(Path.Combine(_directory, "rabbitmq-env.conf"), "");
        var cookie = Path.Combine(_directory, ".erlang.cookie");
        File.WriteAllText(cookie, Convert.ToHexString(Guid.NewGuid().ToByteArray()));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(cookie, UnixFileMode.UserRead); // Erlang rejects a cookie others can read
        File.WriteAllText(Path.Combine(_directory, "rabbitmq.conf"),
            $"""
             # Written by JobMatch.FaultTests.PrivateBroker for one test run.
             default_vhost = {VirtualHost}
             vm_memory_high_watermark.absolute = 512MB
             disk_free_limit.absolute = 50MB

             """);
        File.WriteAllText(Path.Combine(_directory, "enabled_plugins"), "[].\n");
    }

    /// <summary>
    /// One of the node's scripts, its output appended to log/commands.log: nothing of the detached node may hold on
    /// to the test host's standard output, or the test run would wait for it.
    /// </summary>
    private ProcessStartInfo Command(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash",
            ["-c", "exec \"$0\" \"$@\" </dev/null >>\"$JOBMATCH_FAULT_BROKER_LOG\" 2>&1", Path.Combine(Bin, script), .. arguments])
        {
            WorkingDirectory = _directory,
        };
        foreach (var (key, value) in Environment()) start.Environment[key] = value;
        start.Environment["JOBMATCH_FAULT_BROKER_LOG"] = Path.Combine(_directory, "log", "commands.log");
        return start;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = _directory,
        ["RABBITMQ_NODENAME"] = Node,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = _port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_directory, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILES"] = Path.Combine(_directory, "conf.d"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_directory, "advanced.config"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["RABBITMQ_CTL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_CRASH_DUMP"] = Path.Combine(_directory, "log", "erl_crash.dump"),
    };

    /// <summary>
    /// The test host is killed rather than shut down at the end of a run: a detached watchdog kills the node and
    /// removes its directory once this process is gone (the same way TestServers cleans up its private servers).
    /// </summary>
    private void RemoveWhenThisProcessExits()
    {
        const string script = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            pid="$(head -n1 "$2/rabbitmq.pid" 2>/dev/null | tr -dc 0-9)"
            if [ -n "$pid" ] && [ "$(cat /proc/$pid/comm 2>/dev/null)" = beam.smp ]; then kill -KILL "$pid"; sleep 1; fi
            rm -rf "$2"
            """;
        var watchdog = new ProcessStartInfo("setsid",
            ["bash", "-c", script, "watchdog", System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _directory])
        { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        Process.Start(watchdog)?.Dispose();
    }

    private int? NodePid()
    {
        try
        {
            var text = File.Exists(PidFile) ? File.ReadAllText(PidFile).Trim() : "";
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsBeam(pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Alive, not a zombie, and the Erlang VM (a pid may be reused by anything once it is gone).</summary>
    private static bool IsBeam(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..];
            return !state.StartsWith('Z') && File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim() == "beam.smp";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task<bool> ListensAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", _port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
