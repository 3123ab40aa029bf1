using Dapper;
using Npgsql;

namespace JobPostings.Api.Search;

/// <summary>
/// Once at start-up, gives rows written before migration 014 what search matches on: postings their search_terms,
/// saved searches with words their tsquery (their old bigram patterns cleared). One pass in id order, so a posting
/// whose title and text hold no index term at all is visited once, not forever; several instances starting together
/// write the same values.
/// </summary>
internal sealed partial class SearchBackfill(NpgsqlDataSource dataSource, ILogger<SearchBackfill> logger) : BackgroundService
{
    private const int Batch = 500;

    // Properties, not a positional record: Npgsql reports a text[] column's type as Array, which no constructor taking
    // string[] matches, so Dapper could not build the record and the backfill failed at its first row.
    private sealed class PostingText
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] Skills { get; init; } = [];
        public string[] OptionalSkills { get; init; } = [];
    }

    private sealed record SavedWords(Guid Id, string? Q);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var postings = await PostingsAsync(stoppingToken);
            var searches = await SavedSearchesAsync(stoppingToken);
            if (postings + searches > 0) LogBackfilled(postings, searches);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogBackfillFailed(e);
        }
    }

    private async Task<int> PostingsAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<PostingText>(new CommandDefinition(
                "SELECT id, title, description, skills, optional_skills AS optionalskills FROM postings " +
                "WHERE search_terms = ''::tsvector AND id > @after ORDER BY id LIMIT @Batch", new { after, Batch }, cancellationToken: cancellationToken))).AsList();
            if (rows.Count == 0) return done;
            foreach (var row in rows)
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE postings SET search_terms = @terms::tsvector WHERE id = @Id",
                    new { row.Id, terms = SearchTerms.Document(row.Title, row.Description, row.Skills.Concat(row.OptionalSkills)) }, cancellationToken: cancellationToken));
            }
            done += rows.Count;
            after = rows[^1].Id;
        }
    }

    private async Task<int> SavedSearchesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SavedWords>(new CommandDefinition(
            "SELECT id, request->>'q' AS q FROM saved_searches WHERE text_query IS NULL AND patterns <> '{}'", cancellationToken: cancellationToken))).AsList();
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE saved_searches SET text_query = @query::tsquery, patterns = '{}' WHERE id = @Id",
                new { row.Id, query = SearchTerms.Interpret(row.Q).TextQuery }, cancellationToken: cancellationToken));
        }
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search terms backfilled for {Postings} postings and {SavedSearches} saved searches")]
    private partial void LogBackfilled(int postings, int savedSearches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search terms backfill failed; it runs again at the next start")]
    private partial void LogBackfillFailed(Exception exception);
}
