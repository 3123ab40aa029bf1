using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobPostings.Api.SalaryGuide;

public sealed class SalaryGuideOptions
{
    /// <summary>How often the guide is recomputed from the postings (a refresh reads a year of postings once).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The fewest postings an entry needs before screening trusts it; below that it falls back to a wider one.</summary>
    public int MinimumSample { get; set; } = 20;
}

/// <summary>
/// SQL for the salary guide: the materialized views of migrations 008 (by the posting's occupation code) and 017 (by
/// 职业分类大典 细类, 小类, 中类 and 大类), their refresh, and the lookups.
/// </summary>
public sealed class SalaryGuideStore(NpgsqlDataSource dataSource, IOptions<SalaryGuideOptions> options)
{
    /// <summary>One refresh at a time across instances; the others skip their turn.</summary>
    private const long RefreshLockKey = 0x53616C6172794775; // "SalaryGu"

    private const string Columns =
        "scope, occupation, area, postings, lower_quartile AS lowerquartile, median, upper_quartile AS upperquartile";

    /// <summary>
    /// The entry screening judges a posting's pay by: its occupation in its league, else in the whole region, else its
    /// occupation group in the league, else in the region — the first with enough postings; none when no level has.
    /// </summary>
    public Task<SalaryGuideEntry?> BenchmarkAsync(ServiceTransaction transaction, string? occupationCode, string regionCode) =>
        occupationCode is null
            ? Task.FromResult<SalaryGuideEntry?>(null)
            : transaction.QuerySingleOrDefaultAsync<SalaryGuideEntry>(BenchmarkSql, Parameters(occupationCode, regionCode));

    public async Task<SalaryGuideEntry?> BenchmarkAsync(string? occupationCode, string regionCode, CancellationToken cancellationToken)
    {
        if (occupationCode is null) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SalaryGuideEntry>(new CommandDefinition(
            BenchmarkSql, Parameters(occupationCode, regionCode), cancellationToken: cancellationToken));
    }

    /// <summary>Entries for an occupation (and its group) and/or an area (the region's league and the whole region).</summary>
    public async Task<IReadOnlyList<SalaryGuideEntry>> ListAsync(string? occupationCode, string? regionCode, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SalaryGuideEntry>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM salary_guide
            WHERE (@occupation::text IS NULL
                   OR (scope = 'occupation' AND occupation = @occupation) OR (scope = 'group' AND occupation = occupation_group(@occupation)))
              AND (@region::text IS NULL OR area IN (left(@region, 4), left(@region, 2)))
            ORDER BY scope DESC, occupation, length(area) DESC, area
            LIMIT @limit
            """, new { occupation = occupationCode, region = regionCode, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Entries by 职业分类大典: for a code at any level, that code and every group above it (4-02-02-02, 4-02-02, 4-02, 4);
    /// for a region, its league and the whole region. Finest level first, then the league before the region.
    /// </summary>
    public async Task<IReadOnlyList<SalaryGuideEntry>> ListNationalAsync(string? nationalCode, string? regionCode, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SalaryGuideEntry>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM salary_guide_national
            WHERE (@code::text IS NULL OR occupation = ANY(ARRAY[left(@code, 1), left(@code, 4), left(@code, 7), @code]))
              AND (@region::text IS NULL OR area IN (left(@region, 4), left(@region, 2)))
            ORDER BY length(occupation) DESC, occupation, length(area) DESC, area
            LIMIT @limit
            """, new { code = nationalCode, region = regionCode, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>When the guide was last computed; null before the first posting with pay went live.</summary>
    public async Task<DateTime?> RefreshedAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT max(computed_at) FROM salary_guide", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Recomputes the guide without blocking readers. One refresh runs at a time across instances: with
    /// <paramref name="skipIfBusy"/> (the timer's way) this one is skipped and returns false; otherwise it waits its turn.
    /// </summary>
    public async Task<bool> RefreshAsync(bool skipIfBusy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await connection.QuerySingleAsync<bool>(new CommandDefinition(
            skipIfBusy ? "SELECT pg_try_advisory_xact_lock(@RefreshLockKey)" : "SELECT true FROM (SELECT pg_advisory_xact_lock(@RefreshLockKey)) AS waited",
            new { RefreshLockKey }, transaction, cancellationToken: cancellationToken));
        if (!locked) return false;
        await connection.ExecuteAsync(new CommandDefinition(
            "REFRESH MATERIALIZED VIEW CONCURRENTLY salary_guide; REFRESH MATERIALIZED VIEW CONCURRENTLY salary_guide_national",
            transaction: transaction, commandTimeout: 600, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string BenchmarkSql =
        $"""
        SELECT {Columns} FROM salary_guide
        WHERE postings >= @minimumSample AND area IN (left(@region, 4), left(@region, 2))
          AND ((scope = 'occupation' AND occupation = @occupation) OR (scope = 'group' AND occupation = occupation_group(@occupation)))
        ORDER BY scope = 'group', length(area) = 2
        LIMIT 1
        """;

    private object Parameters(string occupationCode, string regionCode) =>
        new { occupation = occupationCode, region = regionCode, minimumSample = options.Value.MinimumSample };
}
