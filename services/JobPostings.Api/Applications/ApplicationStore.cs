using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace JobPostings.Api.Applications;

/// <summary>SQL for applications; each read carries the posting's owner and region for the access checks.</summary>
public sealed class ApplicationStore(NpgsqlDataSource dataSource)
{
    private const string Select =
        """
        SELECT a.id, a.posting_id, a.seeker_id, a.status, a.reason, a.cover_note, a.created_at, a.updated_at,
               a.contact_request, p.employer_id, p.region_code, p.title AS posting_title,
               COALESCE(o.legal_name, p.employer_name) AS employer_name
        FROM applications a JOIN postings p ON p.id = a.posting_id LEFT JOIN organisations o ON o.id = p.employer_id
        """;

    /// <summary>Inserts unless this seeker already applied to this posting (then null).</summary>
    public async Task<Application?> InsertAsync(ServiceTransaction transaction, Guid postingId, Guid seekerId, string? coverNote)
    {
        var id = await transaction.QuerySingleOrDefaultAsync<Guid?>(
            """
            INSERT INTO applications (id, posting_id, seeker_id, status, cover_note) VALUES (@id, @postingId, @seekerId, 'Submitted', @coverNote)
            ON CONFLICT (posting_id, seeker_id) DO NOTHING RETURNING id
            """, new { id = Guid.CreateVersion7(), postingId, seekerId, coverNote });
        return id is null ? null : await transaction.QuerySingleOrDefaultAsync<Application>($"{Select} WHERE a.id = @id", new { id });
    }

    /// <summary>
    /// A deleted seeker's applications, cover notes and the caseworkers' follow-ups of them: gone, so no employer
    /// reads them any more (placement counts lose them too; the seeker asked for everything to go).
    /// </summary>
    public static Task DeleteForSeekerAsync(ServiceTransaction transaction, Guid seekerId) =>
        transaction.ExecuteAsync(
            """
            DELETE FROM follow_ups WHERE application_id IN (SELECT id FROM applications WHERE seeker_id = @seekerId);
            DELETE FROM applications WHERE seeker_id = @seekerId;
            """, new { seekerId });

    public Task<Application?> LockAsync(ServiceTransaction transaction, Guid id) =>
        transaction.QuerySingleOrDefaultAsync<Application>($"{Select} WHERE a.id = @id FOR UPDATE OF a", new { id });

    public async Task<Application?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Application>(new CommandDefinition($"{Select} WHERE a.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<Application> SetStatusAsync(ServiceTransaction transaction, Guid id, ApplicationStatus status, string? reason)
    {
        await transaction.ExecuteAsync("UPDATE applications SET status = @Status, reason = @reason, updated_at = now() WHERE id = @id",
            new { id, Status = status.ToString(), reason });
        return (await transaction.QuerySingleOrDefaultAsync<Application>($"{Select} WHERE a.id = @id", new { id }))!;
    }

    /// <summary>Records the employer's contact request or the seeker's answer to it.</summary>
    public async Task<Application> SetContactRequestAsync(ServiceTransaction transaction, Guid id, ContactRequestStatus status)
    {
        await transaction.ExecuteAsync(
            """
            UPDATE applications SET contact_request = @status,
                contact_requested_at = CASE WHEN @status = 'requested' THEN now() ELSE contact_requested_at END
            WHERE id = @id
            """, new { id, status = ApplicationsApi.Name(status) });
        return (await transaction.QuerySingleOrDefaultAsync<Application>($"{Select} WHERE a.id = @id", new { id }))!;
    }

    /// <summary>A page of a posting's applications, first applied first, of one status or all.</summary>
    public async Task<IReadOnlyList<Application>> PageForPostingAsync(Guid postingId, ApplicationStatus? status, int offset, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Application>(new CommandDefinition(
            $"""
            {Select} WHERE a.posting_id = @postingId AND (@status::text IS NULL OR a.status = @status)
            ORDER BY a.created_at, a.id LIMIT @limit OFFSET @offset
            """, new { postingId, status = status?.ToString(), offset, limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>How many of a posting's applications are at each status.</summary>
    public async Task<IReadOnlyDictionary<ApplicationStatus, int>> CountByStatusAsync(Guid postingId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            "SELECT status, count(*)::int FROM applications WHERE posting_id = @postingId GROUP BY status", new { postingId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => Enum.Parse<ApplicationStatus>(row.Status, ignoreCase: true), row => row.Count);
    }

    public async Task<IReadOnlyList<Application>> ListForSeekerAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Application>(new CommandDefinition(
            $"{Select} WHERE a.seeker_id = @seekerId ORDER BY a.created_at DESC LIMIT 500", new { seekerId }, cancellationToken: cancellationToken))).AsList();
    }
}
