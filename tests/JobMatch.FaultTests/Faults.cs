using System.Globalization;
using JobMatch.Testing;
using Npgsql;

namespace JobMatch.FaultTests;

public static class Faults
{
    /// <summary>How long each outage lasts.</summary>
    public static TimeSpan Outage { get; } = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("JOBMATCH_FAULT_OUTAGE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 5);

    /// <summary>A proxy in front of the test PostgreSQL, and the server connection string that goes through it.</summary>
    public static (TcpProxy Proxy, string Postgres) PostgresThroughProxy(TestServers servers)
    {
        var direct = new NpgsqlConnectionStringBuilder(servers.Postgres);
        var proxy = new TcpProxy(direct.Host!, direct.Port);
        return (proxy, new NpgsqlConnectionStringBuilder(servers.Postgres) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString);
    }

    /// <summary>A proxy in front of the test broker, and a virtual host's URI that goes through it.</summary>
    public static (TcpProxy Proxy, string RabbitMq) BrokerThroughProxy(TestServers servers, string virtualHost)
    {
        var proxy = new TcpProxy(servers.RabbitMq.Host, servers.RabbitMq.Port);
        return (proxy, new UriBuilder(virtualHost) { Host = "127.0.0.1", Port = proxy.Port }.Uri.ToString());
    }
}
