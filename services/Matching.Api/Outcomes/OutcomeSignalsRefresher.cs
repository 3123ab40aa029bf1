using Npgsql;

namespace Matching.Api.Outcomes;

/// <summary>Recomputes <see cref="EmployerResponseRates"/> and <see cref="BehaviourSignals"/> from the outcome events every minute, and soon after new events are recorded.</summary>
public sealed class OutcomeSignalsRefresher(
    NpgsqlDataSource dataSource, EmployerResponseRates rates, BehaviourSignals behaviour, TimeProvider clock, ILogger<OutcomeSignalsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            await behaviour.UntilRefreshDueAsync(stoppingToken);
        } while (!stoppingToken.IsCancellationRequested);
    }
}
