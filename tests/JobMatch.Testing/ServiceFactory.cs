using System.Net.Http.Headers;
using JobMatch.Testing.Logs;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Testing;

/// <summary>
/// One service in-process on the real servers, with a database and virtual host of its own (or shared,
/// when several services of one test must talk). TEntryPoint is any class of the service's assembly.
/// </summary>
public class ServiceFactory<TEntryPoint>(TestServers servers, string virtualHost, string? database = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public string Database { get; } = database ?? TestServers.NewDatabaseName();
    public string VirtualHost { get; } = virtualHost;
    public TestServers Servers { get; } = servers;
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public IBus Bus => Services.GetRequiredService<IBus>();

    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>
    /// Stops the service, then removes its database and virtual host, so long-lived developer servers do not fill
    /// up with test leftovers (the test command's own servers are deleted whole anyway).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            await Servers.DropDatabaseAsync(Database);
            await Servers.DeleteVirtualHostAsync(VirtualHost);
        }
        catch (Exception e) when (e is NpgsqlException or HttpRequestException)
        {
            // Clean-up is a courtesy: a failure here must not fail the test that already ran.
        }
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.LogToTestFile(typeof(TEntryPoint).Assembly.GetName().Name!);
        builder.UseSetting("ConnectionStrings:Postgres", Servers.Postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", VirtualHost);
        builder.UseSetting("ConnectionStrings:Redis", Servers.Redis);
        builder.UseSetting("Database:Name", Database);
        foreach (var (key, value) in TestSecrets.ServiceSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }
}
