using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace JobMatch.Testing.Logs;

/// <summary>
/// Points a test host's logging at its own file (<see cref="TestLogs"/>) instead of the console. The provider is made
/// by the host's container, so stopping the host closes the file (an instance handed in would never be disposed).
/// </summary>
public static class TestLogging
{
    /// <summary>For WebApplicationFactory hosts: runs after the service's own logging set-up, so it replaces it.</summary>
    public static IWebHostBuilder LogToTestFile(this IWebHostBuilder builder, string host) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(_ => TestLogs.ProviderFor(host));
        });

    /// <summary>For hosts a test builds itself.</summary>
    public static ILoggingBuilder LogToTestFile(this ILoggingBuilder logging, string host)
    {
        logging.ClearProviders();
        logging.Services.AddSingleton<ILoggerProvider>(_ => TestLogs.ProviderFor(host));
        return logging;
    }
}
