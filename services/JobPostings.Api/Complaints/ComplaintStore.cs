using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace JobPostings.Api.Complaints;

/// <summary>SQL for complaints. Writes take the caller's transaction, so the queue and the events move together.</summary>
public sealed class ComplaintStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, posting_id AS postingid, category, text, filed_at AS filedat";

    /// <summary>Files a complaint; null when this person already has an open complaint about the posting.</summary>
    public async Task<ComplaintResponse?> InsertAsync(ServiceTransaction transaction, Guid postingId, Guid complainantId, ComplaintCategory category, string text)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<Row>(
            $"""
            INSERT INTO complaints (id, posting_id, complainant_id, category, text) VALUES (@id, @postingId, @complainantId, @category, @text)
            ON CONFLICT (posting_id, complainant_id) WHERE resolved_at IS NULL DO NOTHING
            RETURNING {Columns}
            """, new { id = Guid.CreateVersion7(), postingId, complainantId, category = category.ToString(), text });
        return row?.ToResponse();
    }

    public async Task<bool> AnyOpenAsync(ServiceTransaction transaction, Guid postingId) =>
        await transaction.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM complaints WHERE posting_id = @postingId AND resolved_at IS NULL)", new { postingId });

    /// <summary>Closes every open complaint about a posting with the caseworker's decision.</summary>
    public Task<int> ResolveOpenAsync(ServiceTransaction transaction, Guid postingId, Guid caseworkerId, bool upheld) =>
        transaction.ExecuteAsync(
            """
            UPDATE complaints SET resolved_at = now(), resolved_by = @caseworkerId, resolution = @resolution
            WHERE posting_id = @postingId AND resolved_at IS NULL
            """, new { postingId, caseworkerId, resolution = upheld ? "upheld" : "dismissed" });

    /// <summary>The open complaints about each of some postings, oldest first.</summary>
    public async Task<ILookup<Guid, ComplaintResponse>> OpenForAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM complaints WHERE posting_id = ANY(@postingIds) AND resolved_at IS NULL ORDER BY filed_at, id",
            new { postingIds = postingIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToResponse()).ToLookup(complaint => complaint.PostingId);
    }

    private sealed record Row(Guid Id, Guid PostingId, string Category, string Text, DateTime FiledAt)
    {
        public ComplaintResponse ToResponse() => new(Id, PostingId, Enum.Parse<ComplaintCategory>(Category), Text, FiledAt);
    }
}
