using System.Globalization;
using System.Text;
using Dapper;
using JobMatch.Domain.Regions;
using JobPostings.Api.Postings;
using Matching.Taxonomy;
using Npgsql;

namespace JobPostings.Api.Search;

/// <summary>
/// Builds and runs search SQL. Every filter is a condition the partial indexes can serve: the tsquery of the typed words
/// over search_terms (014, GIN), earth_box for a radius, prefixes for region and occupation. Relevance is ts_rank over
/// the field-weighted terms (title, skills, description), length-normalised; recency, or distance when a point is given,
/// breaks ties.
/// </summary>
public sealed class SearchStore(NpgsqlDataSource dataSource)
{
    /// <summary>Totals are exact up to here; beyond, "10,000+".</summary>
    public const long TotalCap = 10_000;

    /// <summary>Salary bands of the facet, by the top of the posting's range (CNY a month): lower bounds.</summary>
    public static readonly IReadOnlyList<(string Name, int From)> SalaryBands =
        [("under3000", 0), ("from3000", 3000), ("from5000", 5000), ("from8000", 8000), ("from12000", 12000)];

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
        var reading = SearchTerms.Interpret(query.Q);
        var (sql, parameters, where) = PageQuery(query, reading);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        var page = rows.Take(limit).ToList();
        var hits = await HitsAsync(connection, page.Select(row => (row.Id, row.Distance is { } metres ? Math.Round(metres / 1000, 2) : (double?)null)), cancellationToken);
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
        var total = facets.EmploymentType.Sum(count => count.Count);
        return new SearchPage(hits, next, facets, Math.Min(total, TotalCap), total > TotalCap, Reading(query, reading));
    }

    /// <summary>The page's postings read from PostgreSQL, in the order given, each with its distance.</summary>
    internal static async Task<List<SearchHit>> HitsAsync(NpgsqlConnection connection, IEnumerable<(Guid Id, double? DistanceKm)> page, CancellationToken cancellationToken)
    {
        var shown = page.ToList();
        var postings = (await connection.QueryAsync<Posting>(new CommandDefinition(
            $"SELECT {PostingStore.Columns} FROM postings WHERE id = ANY(@ids)", new { ids = shown.Select(hit => hit.Id).ToArray() },
            cancellationToken: cancellationToken))).ToDictionary(posting => posting.Id);
        // Postings are never deleted, so every id is there; were one gone, it is left out rather than failing the page.
        return shown.Where(hit => postings.ContainsKey(hit.Id)).Select(hit => new SearchHit(PostingResponse.From(postings[hit.Id]), hit.DistanceKm)).ToList();
    }

    /// <summary>How the words were read, for the answer: a typed place only when no place was given.</summary>
    internal static SearchReading Reading(SearchQuery query, SearchInterpretation reading) =>
        new(query.Region is null && query.RadiusKm is null ? reading.RegionCode : null, reading.Concept, reading.Corrections);

    /// <summary>The salary band of a posting by the top of its range (<see cref="SalaryBandSql"/> in C#).</summary>
    internal static string NationalMajorGroupOf(string? code) => code is { Length: > 0 } ? NationalClassification.GroupOf(code, NationalLevel.MajorGroup) : "none";

    internal static string SalaryBandOf(decimal? top) => top is { } pay ? SalaryBands.Last(band => band.From <= pay || band.From == 0).Name : "unstated";

    /// <summary>
    /// The SQL of one page (limit + 1 rows, to know whether another follows) and the filter it shares with the facets;
    /// public so the benchmark can EXPLAIN exactly what the service runs.
    /// </summary>
    public static (string Sql, DynamicParameters Parameters, List<string> Where) PageQuery(SearchQuery query, SearchInterpretation reading)
    {
        var (where, parameters) = Filter(query, reading);
        var sort = query.EffectiveSort;
        var limit = query.EffectiveLimit;
        var (sortValue, order, keyset) = sort switch
        {
            SearchSort.Relevance => (RelevanceKey(reading, query.Lat is not null), "sort_value DESC, id DESC", "(sort_value, id) < (@afterValue, @afterId)"),
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
                SELECT id, published_at, latitude, longitude, salary_max,
                       {distance} AS distance, {sortValue} AS sort_value
                FROM postings WHERE {string.Join(" AND ", where)}
            ) matching
            {keysetCondition}
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """;

        return (sql, parameters, where);
    }

    /// <summary>
    /// The relevance order as one number, so a keyset cursor compares exactly what was ordered on: ts_rank (title terms
    /// weigh most, then skills, then the description; divided by 1 + log of the posting's length) to three places, then
    /// nearness to the point (metres below 10⁹) or recency (seconds since 1970) as the tie-breaker.
    /// </summary>
    private static string RelevanceKey(SearchInterpretation reading, bool near)
    {
        var rank = reading.TextQuery is null ? "0" : "round(ts_rank('{0.1, 0.3, 0.6, 1.0}', search_terms, @textQuery::tsquery, 1)::numeric, 3)";
        var tie = near
            ? "(1000000000 - least(round(earth_distance(ll_to_earth(@lat, @lng), ll_to_earth(latitude, longitude))), 999999999))"
            : "floor(extract(epoch FROM published_at))";
        return $"({rank} * 1000000000000 + COALESCE({tie}, 0))";
    }

    /// <summary>The SQL for a search's filters; exposed so the benchmark can EXPLAIN exactly what the service runs.</summary>
    public static (List<string> Where, DynamicParameters Parameters) Filter(SearchQuery query, SearchInterpretation reading)
    {
        var where = new List<string> { "status = 'Published'", "duplicate_of IS NULL", "(valid_until IS NULL OR valid_until > now())" };
        var parameters = new DynamicParameters();
        if (reading.TextQuery is { } textQuery)
        {
            where.Add("search_terms @@ @textQuery::tsquery");
            parameters.Add("textQuery", textQuery);
        }
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
        else if ((query.Region ?? reading.RegionCode) is { } region)
        {
            where.Add("region_code LIKE @regionPrefix");
            parameters.Add("regionPrefix", RegionCodes.Prefix(region) + "%");
        }
        if (!string.IsNullOrWhiteSpace(query.Occupation))
        {
            where.Add("occupation_code LIKE @occupationPrefix");
            parameters.Add("occupationPrefix", EscapeLike(query.Occupation.Trim()) + "%");
        }
        if (query.NationalOccupationPrefix is { } national)
        {
            where.Add("national_occupation_code LIKE @nationalOccupationPrefix");
            parameters.Add("nationalOccupationPrefix", EscapeLike(national) + "%");
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
        List<FacetCount> Of(string facet, Func<string, string> name) =>
            Counts(grouped.Where(row => row.Facet == facet).Select(row => (name(row.Value), row.Count)));
        return new SearchFacets(Of("employmentType", Camel), Counts(keyGroups.Select(row => (Camel(row.Value), row.Count))), Of("region", code => code),
            Of("banner", code => code), Of("salaryBand", band => band), Of("education", Camel), Of("nationalMajorGroup", code => code));
    }

    /// <summary>The salary band of a posting (by the top of its range), as SQL.</summary>
    private static string SalaryBandSql =>
        "CASE WHEN COALESCE(salary_max, salary_min) IS NULL THEN 'unstated' " +
        string.Concat(SalaryBands.Reverse().Select(band => $"WHEN COALESCE(salary_max, salary_min) >= {band.From} THEN '{band.Name}' ")) + "END";

    /// <summary>Employment-type, league, banner, salary-band, education and 大典 大类 counts in one scan of the matching rows (public for the benchmark's EXPLAIN).</summary>
    public static string FacetQuery(List<string> where) =>
        $"""
        SELECT CASE WHEN GROUPING(employment_type) = 0 THEN 'employmentType' WHEN GROUPING(league) = 0 THEN 'region'
                    WHEN GROUPING(region_code) = 0 THEN 'banner' WHEN GROUPING(salary_band) = 0 THEN 'salaryBand'
                    WHEN GROUPING(national_major_group) = 0 THEN 'nationalMajorGroup' ELSE 'education' END AS facet,
               COALESCE(employment_type, league || '00', region_code, salary_band, national_major_group, education) AS value, count(*) AS count
        FROM (SELECT employment_type, left(region_code, 4) AS league, region_code, {SalaryBandSql} AS salary_band, COALESCE(education, 'None') AS education,
                     COALESCE(left(national_occupation_code, 1), 'none') AS national_major_group
              FROM postings WHERE {string.Join(" AND ", where)}) matching
        GROUP BY GROUPING SETS ((employment_type), (league), (region_code), (salary_band), (education), (national_major_group))
        """;

    internal static List<FacetCount> Counts(IEnumerable<(string Value, long Count)> rows) =>
        rows.OrderByDescending(row => row.Count).ThenBy(row => row.Value, StringComparer.Ordinal).Select(row => new FacetCount(row.Value, row.Count)).ToList();

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

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
