using JobMatch.Testing;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.ServiceDefaults.Tests.Integration;

/// <summary>
/// No outbound call a deployment did not configure: MassTransit's usage telemetry (a POST to its makers' host some
/// minutes after the bus starts) is off on every bus ServiceDefaults builds. The tracker the bus consults when it
/// is configured and started is asked, rather than waiting minutes for a call that must not come.
/// </summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task A_started_bus_does_not_report_usage_telemetry()
    {
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        var database = TestServers.NewDatabaseName();
        try
        {
            await using var host = await MessagingHost.StartAsync(servers, virtualHost, database);

            Assert.False(Assert.IsType<UsageTracker>(host.Services.GetRequiredService<IUsageTracker>()).Enabled);
        }
        finally
        {
            await servers.DropDatabaseAsync(database);
            await servers.DeleteVirtualHostAsync(virtualHost);
        }
    }
}
