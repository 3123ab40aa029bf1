using Dapper;
using Npgsql;

namespace Matching.Api.Candidates;

/// <summary>
/// How popular each posting is now: seekers' applications and employers' views of them in the last
/// <see cref="Window"/>, from the interactions matching records. What a profile too thin to match is shown first
/// (the labelled fallback); refreshed every minute by <see cref="PostingPopularityRefresher"/>.
/// </summary>
public sealed class PostingPopularity
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);
    private volatile Dictionary<Guid, int> counts = [];

    public int Of(Guid postingId) => counts.GetValueOrDefault(postingId);

    public void Replace(IEnumerable<KeyValuePair<Guid, int>> fresh) => counts = new Dictionary<Guid, int>(fresh);

    public async Task RefreshAsync(NpgsqlDataSource dataSource, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid PostingId, int Count)>(new CommandDefinition(
            "SELECT posting_id, count(DISTINCT seeker_id)::int FROM interactions WHERE occurred_at >= @since GROUP BY posting_id",
            new { since = now - Window }, cancellationToken: cancellationToken));
        Replace(rows.Select(row => KeyValuePair.Create(row.PostingId, row.Count)));
    }
}

/// <summary>Recomputes <see cref="PostingPopularity"/> every minute.</summary>
public sealed class PostingPopularityRefresher(
    NpgsqlDataSource dataSource, PostingPopularity popularity, TimeProvider clock, ILogger<PostingPopularityRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await popularity.RefreshAsync(dataSource, clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Posting popularity could not be refreshed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
