using Npgsql;

namespace Matching.Api.Outcomes;

/// <summary>Recomputes <see cref="EmployerResponseRates"/> and <see cref="BehaviourSignals"/> from the outcome events every minute.</summary>
public sealed class OutcomeSignalsRefresher(
    NpgsqlDataSource dataSource, EmployerResponseRates rates, BehaviourSignals behaviour, TimeProvider clock, ILogger<OutcomeSignalsRefresher> logger)
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
                await behaviour.RefreshAsync(dataSource, clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Outcome signals (employer response rates, behaviour) could not be refreshed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
