using System.Globalization;
using System.Text;
using Dapper;
using JobMatch.Domain.Regions;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;
using Npgsql;

namespace JobPostings.Benchmarks.Baseline;

/// <summary>
/// The search as it was before issue 17 (commit d20062a's Search/SearchStore.cs), frozen here so every benchmark run
/// measures it beside today's on the same data: pg_trgm LIKE patterns over Chinese character bigrams (search_text),
/// word_similarity for relevance, facets by type, key group and city. <see cref="AddSchemaAsync"/> gives a scratch
/// database the column and index migration 014 dropped.
/// </summary>
public sealed class TrigramSearchStore(NpgsqlDataSource dataSource)
{
    public static async Task AddSchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            ALTER TABLE postings ADD COLUMN search_text text NOT NULL DEFAULT '';
            CREATE INDEX postings_search_text ON postings USING gin (search_text gin_trgm_ops) WHERE status = 'Published' AND duplicate_of IS NULL;
            """);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public double? Distance { get; init; }
        public decimal SortValue { get; init; }
        public DateTime PublishedAt { get; init; }
    }

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var sort = query.EffectiveSort;
        var limit = query.EffectiveLimit;
        var (sql, parameters, where) = PageQuery(query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        var page = rows.Take(limit).ToList();
        var postings = (await connection.QueryAsync<Posting>(new CommandDefinition(
            $"SELECT {PostingStore.Columns} FROM postings WHERE id = ANY(@ids)", new { ids = page.Select(row => row.Id).ToArray() },
            cancellationToken: cancellationToken))).ToDictionary(posting => posting.Id);
        var hits = page.Select(row => new SearchHit(PostingResponse.From(postings[row.Id]), row.Distance is { } metres ? Math.Round(metres / 1000, 2) : null)).ToList();
        string? next = null;
        if (rows.Count > limit)
        {
            var last = page[^1];
            var value = sort == SearchSort.Newest
                ? last.PublishedAt.ToString("O", CultureInfo.InvariantCulture)
                : last.SortValue.ToString(CultureInfo.InvariantCulture);
            next = new SearchCursor(sort, value, last.Id).Encode();
        }
        var facets = await FacetsAsync(connection, where, parameters, cancellationToken);
        // Every posting has exactly one employment type, so its counts add up to the total.
        return new SearchPage(hits, next, facets, facets.EmploymentType.Sum(count => count.Count));
    }

    /// <summary>
    /// The SQL of one page (limit + 1 rows, to know whether another follows) and the filter it shares with the facets;
    /// public so the benchmark can EXPLAIN exactly what the service runs.
    /// </summary>
    public static (string Sql, DynamicParameters Parameters, List<string> Where) PageQuery(SearchQuery query)
    {
        var (where, parameters) = Filter(query);
        var sort = query.EffectiveSort;
        var limit = query.EffectiveLimit;
        var (sortValue, order, keyset) = sort switch
        {
            SearchSort.Relevance => ("round((word_similarity(@words, search_text) + CASE WHEN lower(title) LIKE @titleLike THEN 1 ELSE 0 END)::numeric, 6)", "sort_value DESC, id DESC", "(sort_value, id) < (@afterValue, @afterId)"),
            SearchSort.Salary => ("COALESCE(salary_max, -1)", "COALESCE(salary_max, -1) DESC, id DESC", "(COALESCE(salary_max, -1), id) < (@afterValue, @afterId)"),
            SearchSort.Distance => ("round((earth_distance(ll_to_earth(@lat, @lng), ll_to_earth(latitude, longitude)))::numeric, 1)", "sort_value, id", "(sort_value, id) > (@afterValue, @afterId)"),
            _ => ("0", "published_at DESC, id DESC", "(published_at, id) < (@afterTime, @afterId)"),
        };
        if (sort == SearchSort.Distance) where.Add("latitude IS NOT NULL");
        if (query.After is { } after && SearchCursor.TryParse(after, sort, out var cursor))
        {
            parameters.Add("afterId", cursor!.Id);
            if (sort == SearchSort.Newest) parameters.Add("afterTime", cursor.Time);
            else parameters.Add("afterValue", cursor.Number);
        }
        var distance = query.Lat is not null ? "earth_distance(ll_to_earth(@lat, @lng), ll_to_earth(latitude, longitude))" : "NULL::float8";
        parameters.Add("limit", limit + 1);
        parameters.Add("offset", query.Offset);
        var keysetCondition = query.After is null ? "" : $"WHERE {keyset}";
        // The sort value is computed once in a sub-select so the keyset compares exactly what was ordered on.
        var sql = $"""
            SELECT id, distance, sort_value AS sortvalue, published_at AS publishedat FROM (
                SELECT id, published_at, title, search_text, latitude, longitude, salary_max,
                       {distance} AS distance, {sortValue} AS sort_value
                FROM postings WHERE {string.Join(" AND ", where)}
            ) matching
            {keysetCondition}
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """;

        return (sql, parameters, where);
    }

    /// <summary>The SQL for a search's filters; exposed so the benchmark can EXPLAIN exactly what the service runs.</summary>
    public static (List<string> Where, DynamicParameters Parameters) Filter(SearchQuery query)
    {
        var where = new List<string> { "status = 'Published'", "duplicate_of IS NULL", "(valid_until IS NULL OR valid_until > now())" };
        var parameters = new DynamicParameters();
        var patterns = SearchText.Patterns(query.Q);
        for (var i = 0; i < patterns.Count; i++)
        {
            where.Add($"search_text LIKE @pattern{i}");
            parameters.Add($"pattern{i}", patterns[i]);
        }
        parameters.Add("words", string.Join(' ', SearchText.Tokens(query.Q)));
        parameters.Add("titleLike", "%" + EscapeLike((query.Q ?? "").Trim().ToLowerInvariant()) + "%");
        if (query.Lat is not null && query.Lng is not null)
        {
            parameters.Add("lat", query.Lat);
            parameters.Add("lng", query.Lng);
        }
        if (query.RadiusKm is { } radius && query.Lat is not null)
        {
            where.Add("latitude IS NOT NULL AND earth_box(ll_to_earth(@lat, @lng), @radius) @> ll_to_earth(latitude, longitude) " +
                      "AND earth_distance(ll_to_earth(@lat, @lng), ll_to_earth(latitude, longitude)) <= @radius");
            parameters.Add("radius", radius * 1000);
        }
        else if (query.Region is { } region)
        {
            where.Add("region_code LIKE @regionPrefix");
            parameters.Add("regionPrefix", RegionCodes.Prefix(region) + "%");
        }
        if (!string.IsNullOrWhiteSpace(query.Occupation))
        {
            where.Add("occupation_code LIKE @occupationPrefix");
            parameters.Add("occupationPrefix", EscapeLike(query.Occupation.Trim()) + "%");
        }
        if (query.Salary is { } salary)
        {
            where.Add(query.IncludeUnstatedSalary == true
                ? "(COALESCE(salary_max, salary_min) >= @salary OR (salary_min IS NULL AND salary_max IS NULL))"
                : "COALESCE(salary_max, salary_min) >= @salary");
            parameters.Add("salary", salary);
        }
        else if (query.IncludeUnstatedSalary == false)
        {
            where.Add("(salary_min IS NOT NULL OR salary_max IS NOT NULL)");
        }
        if (query.SalaryTo is { } salaryTo)
        {
            where.Add(query.IncludeUnstatedSalary == true
                ? "(COALESCE(salary_min, salary_max) <= @salaryTo OR (salary_min IS NULL AND salary_max IS NULL))"
                : "COALESCE(salary_min, salary_max) <= @salaryTo");
            parameters.Add("salaryTo", salaryTo);
        }
        if (query.QualifiedEducation is { Count: > 0 } educations)
        {
            where.Add("(education IS NULL OR education = ANY(@educations))");
            parameters.Add("educations", educations.ToArray());
        }
        if (query.ExperienceYears is { } years)
        {
            where.Add("COALESCE(experience_years, 0) <= @experienceYears");
            parameters.Add("experienceYears", years);
        }
        if (query.EmploymentTypes is { Count: > 0 } types)
        {
            where.Add("employment_type = ANY(@employmentTypes)");
            parameters.Add("employmentTypes", types.Select(type => type.ToString()).ToArray());
        }
        if (query.EntryLevel == true) where.Add("COALESCE(experience_years, 0) = 0");
        if (query.KeyGroups is { Count: > 0 } groups)
        {
            where.Add("key_groups @> @keyGroups");
            parameters.Add("keyGroups", groups.Select(group => group.ToString()).ToArray());
        }
        if (query.PostedSince is { } since)
        {
            where.Add("published_at >= @postedSince");
            parameters.Add("postedSince", since.ToUniversalTime());
        }
        return (where, parameters);
    }

    private static async Task<SearchFacets> FacetsAsync(NpgsqlConnection connection, List<string> where, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var filter = string.Join(" AND ", where);
        var grouped = (await connection.QueryAsync<(string Facet, string Value, long Count)>(new CommandDefinition(
            FacetQuery(where), parameters, cancellationToken: cancellationToken))).AsList();
        var keyGroups = (await connection.QueryAsync<(string Value, long Count)>(new CommandDefinition(
            $"SELECT key_group, count(*) FROM postings, unnest(key_groups) AS key_group WHERE {filter} GROUP BY key_group",
            parameters, cancellationToken: cancellationToken))).AsList();
        return new SearchFacets(
            Counts(grouped.Where(row => row.Facet == "employmentType").Select(row => (Camel(row.Value), row.Count))),
            Counts(keyGroups.Select(row => (Camel(row.Value), row.Count))),
            Counts(grouped.Where(row => row.Facet == "region").Select(row => (row.Value, row.Count))));
    }

    /// <summary>Employment-type and city counts in one scan of the matching rows (public for the benchmark's EXPLAIN).</summary>
    public static string FacetQuery(List<string> where) =>
        $"""
        SELECT CASE WHEN GROUPING(employment_type) = 0 THEN 'employmentType' ELSE 'region' END AS facet,
               COALESCE(employment_type, left(region_code, 4) || '00') AS value, count(*) AS count
        FROM postings WHERE {string.Join(" AND ", where)}
        GROUP BY GROUPING SETS ((employment_type), (left(region_code, 4)))
        """;

    private static List<FacetCount> Counts(IEnumerable<(string Value, long Count)> rows) =>
        rows.OrderByDescending(row => row.Count).ThenBy(row => row.Value, StringComparer.Ordinal).Select(row => new FacetCount(row.Value, row.Count)).ToList();

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    internal static string EscapeLike(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
