using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace Matching.Api.Outcomes;

/// <summary>
/// How often each employer answers applications (viewed, invited, offered, hired or rejected — anything but silence),
/// a ranking feature: seekers waste less time on employers who reply. Refreshed from the interactions every minute;
/// unknown (NaN) below <see cref="MinimumApplications"/> applications.
/// </summary>
public sealed class EmployerResponseRates
{
    public const int MinimumApplications = 3;
    private volatile ConcurrentDictionary<Guid, float> rates = new();

    public float Of(Guid employerId) => rates.TryGetValue(employerId, out var rate) ? rate : float.NaN;

    public void Replace(IEnumerable<KeyValuePair<Guid, float>> fresh) => rates = new ConcurrentDictionary<Guid, float>(fresh);

    public async Task RefreshAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid EmployerId, long Applications, long Answered)>(new CommandDefinition(
            """
            SELECT p.employer_id, count(*) FILTER (WHERE i.kind = 'applied'),
                   count(DISTINCT i.seeker_id::text || i.posting_id::text) FILTER (WHERE i.kind <> 'applied')
            FROM interactions i JOIN postings p USING (posting_id)
            GROUP BY p.employer_id
            """, cancellationToken: cancellationToken));
        Replace(rows.Where(row => row.Applications >= MinimumApplications)
            .Select(row => KeyValuePair.Create(row.EmployerId, (float)Math.Min(1.0, (double)row.Answered / row.Applications))));
    }
}
