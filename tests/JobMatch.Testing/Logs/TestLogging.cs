using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace JobMatch.Testing.Logs;

/// <summary>
/// Points a test host's logging at its own file (<see cref="TestLogs"/>) instead of the console. The provider is made
/// by the host's container, so stopping the host closes the file (an instance handed in would never be disposed).
/// </summary>
public static class TestLogging
{
    /// <summary>
    /// For WebApplicationFactory hosts: runs after the service's own logging set-up and takes the console's place in
    /// it. Only the console goes: other providers (OpenTelemetry's, when a test exports logs) stay.
    /// </summary>
    public static IWebHostBuilder LogToTestFile(this IWebHostBuilder builder, string host) =>
        builder.ConfigureTestServices(services =>
        {
            foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
                services.Remove(console);
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
