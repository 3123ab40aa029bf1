using Microsoft.Extensions.Options;

namespace JobPostings.Api.SalaryGuide;

/// <summary>
/// Recomputes the salary guide at start-up and then every <see cref="SalaryGuideOptions.RefreshInterval"/> (an hour by
/// default): posted pay moves over weeks, not minutes, and a refresh reads a year of postings.
/// </summary>
internal sealed partial class SalaryGuideRefresh(SalaryGuideStore store, TimeProvider clock, IOptions<SalaryGuideOptions> options, ILogger<SalaryGuideRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            try
            {
                await store.RefreshAsync(skipIfBusy: true, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken)); // cancelled at shutdown, which ends the service
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Salary guide refresh failed; retrying at the next tick")]
    private partial void LogRefreshFailed(Exception exception);
}
