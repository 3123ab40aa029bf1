using Dapper;
using Npgsql;

namespace Matching.Api.Policy;

/// <summary>Records the policy version this instance applies (once per distinct rule set), so every boost can be traced to its rules.</summary>
public sealed class PolicyRecorder(NpgsqlDataSource dataSource, KeyGroupPolicy policy, ILogger<PolicyRecorder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO policy_versions (version, rules) VALUES (@Version, @RulesJson::jsonb) ON CONFLICT DO NOTHING",
                    new { policy.Version, policy.RulesJson }, cancellationToken: stoppingToken));
                logger.LogInformation("Key-group policy {Version} in force: {Rules} rules", policy.Version, policy.Rules.Count);
                return;
            }
            catch (NpgsqlException exception)
            {
                logger.LogWarning(exception, "Policy version could not be recorded yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
