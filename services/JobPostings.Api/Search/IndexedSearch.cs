using Npgsql;

namespace JobPostings.Api.Search;

/// <summary>
/// What GET /api/postings/search runs (decision 064): the in-process index, fresh as of the request, for the page, the
/// total and the facets; PostgreSQL for the page's postings as they are now. The same answer as <see cref="SearchStore"/>.
/// </summary>
public sealed class IndexedSearch(NpgsqlDataSource dataSource, SearchIndex index, SearchIndexFeed feed)
{
    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await feed.FreshAsync(cancellationToken);
        var reading = SearchTerms.Interpret(query.Q);
        var found = index.Search(query, reading);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var hits = await SearchStore.HitsAsync(connection, found.Hits, cancellationToken);
        return new SearchPage(hits, found.Next, found.Facets, Math.Min(found.Total, SearchStore.TotalCap), found.Total > SearchStore.TotalCap,
            SearchStore.Reading(query, reading));
    }
}
