using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace JobPostings.Api.Postings;

/// <summary>SQL for postings. Writes take the caller's <see cref="ServiceTransaction"/> so events commit with them.</summary>
public sealed class PostingStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, employer_id, title, description, occupation_code, skills, region_code, latitude, longitude, salary_min, salary_max, " +
        "vacancies, status, valid_until, created_at, updated_at, published_at, closed_at";

    public async Task<Posting?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Posting>(new CommandDefinition(
            $"SELECT {Columns} FROM postings WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Posting?> LockAsync(ServiceTransaction transaction, Guid id) =>
        transaction.QuerySingleOrDefaultAsync<Posting>($"SELECT {Columns} FROM postings WHERE id = @id FOR UPDATE", new { id });

    public Task<Posting> InsertAsync(ServiceTransaction transaction, Guid employerId, CreatePostingRequest request) =>
        transaction.QuerySingleOrDefaultAsync<Posting>(
            $"""
            INSERT INTO postings (id, employer_id, title, description, occupation_code, skills, region_code, latitude, longitude,
                                  salary_min, salary_max, vacancies, status, valid_until)
            VALUES (@Id, @EmployerId, @Title, @Description, @OccupationCode, @Skills, @RegionCode, @Latitude, @Longitude,
                    @SalaryMin, @SalaryMax, @Vacancies, @Status, @ValidUntil)
            RETURNING {Columns}
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                EmployerId = employerId,
                Title = request.Title!.Trim(),
                Description = request.Description?.Trim() ?? "",
                request.OccupationCode,
                Skills = (request.Skills ?? []).Select(skill => skill.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                request.RegionCode,
                request.Latitude,
                request.Longitude,
                request.SalaryMin,
                request.SalaryMax,
                Vacancies = request.Vacancies ?? 1,
                Status = nameof(PostingStatus.Draft),
                ValidUntil = request.ValidUntil?.ToUniversalTime(),
            })!;

    public Task<Posting> SetStatusAsync(ServiceTransaction transaction, Guid id, PostingStatus status) =>
        transaction.QuerySingleOrDefaultAsync<Posting>(
            $"""
            UPDATE postings SET status = @Status, updated_at = now(),
                published_at = CASE WHEN @Status = 'Published' THEN now() ELSE published_at END,
                closed_at = CASE WHEN @Status = 'Closed' THEN now() ELSE closed_at END
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, Status = status.ToString() })!;

    /// <summary>Published postings, newest first, with keyset paging on (published_at, id).</summary>
    public async Task<IReadOnlyList<Posting>> ListPublishedAsync(int limit, DateTime? beforePublishedAt, Guid? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Posting>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM postings
            WHERE status = 'Published' AND (valid_until IS NULL OR valid_until > now())
              AND (@beforePublishedAt::timestamptz IS NULL OR (published_at, id) < (@beforePublishedAt, @beforeId))
            ORDER BY published_at DESC, id DESC LIMIT @limit
            """, new { limit, beforePublishedAt, beforeId = beforeId ?? Guid.Empty }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<Posting>> ListByEmployerAsync(Guid employerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Posting>(new CommandDefinition(
            $"SELECT {Columns} FROM postings WHERE employer_id = @employerId ORDER BY created_at DESC LIMIT 500",
            new { employerId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
