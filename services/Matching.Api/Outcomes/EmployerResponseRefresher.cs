using Npgsql;

namespace Matching.Api.Outcomes;

/// <summary>Recomputes <see cref="EmployerResponseRates"/> every minute.</summary>
public sealed class EmployerResponseRefresher(NpgsqlDataSource dataSource, EmployerResponseRates rates, ILogger<EmployerResponseRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await rates.RefreshAsync(dataSource, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Employer response rates could not be refreshed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
