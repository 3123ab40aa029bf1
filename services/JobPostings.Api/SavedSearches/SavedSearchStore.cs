using System.Text.Json;
using Dapper;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;
using Npgsql;

namespace JobPostings.Api.SavedSearches;

/// <summary>Saved searches, and which of them a posting being published matches (one statement for all of them).</summary>
public sealed class SavedSearchStore(NpgsqlDataSource dataSource)
{
    /// <summary>Enough for anyone's real use; keeps the publish-time evaluation bounded per seeker.</summary>
    public const int MaxPerSeeker = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string? Name { get; init; }
        public string Request { get; init; } = "{}";
        public DateTime CreatedAt { get; init; }
    }

    public sealed class Hit
    {
        public Guid SeekerId { get; init; }
        public Guid[] SavedSearchIds { get; init; } = [];
    }

    /// <summary>Stores the search; null when the seeker already has <see cref="MaxPerSeeker"/>.</summary>
    public async Task<SavedSearchResponse?> AddAsync(ServiceTransaction transaction, Guid seekerId, SavedSearchRequest request)
    {
        // Serialises one seeker's saves, so two at once cannot both pass the count.
        await transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = "saved-search:" + seekerId });
        if (await transaction.QuerySingleOrDefaultAsync<long>("SELECT count(*) FROM saved_searches WHERE seeker_id = @seekerId", new { seekerId }) >= MaxPerSeeker)
            return null;
        var query = request.AsQuery();
        var reading = SearchTerms.Interpret(request.Q);
        var circle = request.RadiusKm is { } radius && request.Lat is not null && request.Lng is not null;
        var row = await transaction.QuerySingleOrDefaultAsync<Row>(
            """
            INSERT INTO saved_searches (id, seeker_id, name, request, text_query, region_prefix, latitude, longitude, radius_m, occupation_prefix,
                                        national_occupation_prefix, salary, include_unstated_salary, employment_types, entry_level, key_groups)
            VALUES (@Id, @seekerId, @Name, @Request::jsonb, @TextQuery::tsquery, @RegionPrefix, @Latitude, @Longitude, @RadiusMetres, @OccupationPrefix,
                    @NationalOccupationPrefix, @Salary, @IncludeUnstatedSalary, @EmploymentTypes, @EntryLevel, @KeyGroups)
            RETURNING id, name, request::text AS request, created_at AS createdat
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                seekerId,
                Name = request.Name?.Trim(),
                Request = JsonSerializer.Serialize(request with { Name = request.Name?.Trim() }, Json),
                reading.TextQuery,
                // As in search: a place typed in the words is the region when none is given.
                RegionPrefix = !circle && (request.Region ?? reading.RegionCode) is { } region ? RegionCodes.Prefix(region) : null,
                Latitude = circle ? request.Lat : null,
                Longitude = circle ? request.Lng : null,
                RadiusMetres = circle ? request.RadiusKm * 1000 : null,
                OccupationPrefix = string.IsNullOrWhiteSpace(request.Occupation) ? null : SearchStore.EscapeLike(request.Occupation.Trim()),
                // Written as the classification writes it (full-width digits read as digits), as search reads it.
                NationalOccupationPrefix = query.NationalOccupationPrefix is { } national ? SearchStore.EscapeLike(national) : null,
                request.Salary,
                request.IncludeUnstatedSalary,
                EmploymentTypes = query.EmploymentTypes.Select(type => type.ToString()).ToArray(),
                EntryLevel = request.EntryLevel == true,
                KeyGroups = query.KeyGroups.Select(group => group.ToString()).ToArray(),
            });
        return From(row!);
    }

    public async Task<IReadOnlyList<SavedSearchResponse>> ListAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id, name, request::text AS request, created_at AS createdat FROM saved_searches WHERE seeker_id = @seekerId ORDER BY created_at DESC, id DESC",
            new { seekerId }, cancellationToken: cancellationToken));
        return rows.Select(From).ToList();
    }

    /// <summary>Deletes the seeker's own saved search; false when they have none by that id (someone else's included).</summary>
    public async Task<bool> DeleteAsync(Guid seekerId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM saved_searches WHERE id = @id AND seeker_id = @seekerId", new { id, seekerId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>A deleted account's searches and alert history go with it.</summary>
    public static Task DeleteForSeekerAsync(ServiceTransaction transaction, Guid seekerId) =>
        transaction.ExecuteAsync(
            "DELETE FROM saved_searches WHERE seeker_id = @seekerId; DELETE FROM saved_search_alerts WHERE seeker_id = @seekerId", new { seekerId });

    /// <summary>
    /// The seekers whose saved searches the posting (just published, in this transaction) matches, each with the
    /// matching searches, leaving out seekers already alerted about this posting; records the alerts. Candidates come
    /// from the location indexes (region prefixes of the posting, circles containing it, searches with no place), then
    /// the other filters are compared as search compares them.
    /// </summary>
    public static async Task<IReadOnlyList<Hit>> MatchAsync(ServiceTransaction transaction, Posting posting)
    {
        var code = posting.RegionCode;
        var rows = await transaction.QueryAsync<Hit>(
            """
            WITH candidate AS (
                SELECT * FROM saved_searches WHERE region_prefix = ANY(@regionPrefixes)
                UNION ALL
                SELECT * FROM saved_searches
                WHERE radius_m IS NOT NULL AND @lat::float8 IS NOT NULL
                  AND earth_box(ll_to_earth(latitude, longitude), radius_m) @> ll_to_earth(@lat::float8, @lng::float8)
                  AND earth_distance(ll_to_earth(latitude, longitude), ll_to_earth(@lat::float8, @lng::float8)) <= radius_m
                UNION ALL
                SELECT * FROM saved_searches WHERE region_prefix IS NULL AND radius_m IS NULL
            )
            INSERT INTO saved_search_alerts (seeker_id, posting_id, saved_search_ids)
            SELECT s.seeker_id, p.id, array_agg(s.id ORDER BY s.id)
            FROM candidate s JOIN postings p ON p.id = @postingId
            WHERE (s.text_query IS NULL AND s.patterns = '{}' OR p.search_terms @@ s.text_query)
              AND (s.occupation_prefix IS NULL OR p.occupation_code LIKE s.occupation_prefix || '%')
              AND (s.national_occupation_prefix IS NULL OR p.national_occupation_code LIKE s.national_occupation_prefix || '%')
              AND (s.salary IS NULL OR COALESCE(p.salary_max, p.salary_min) >= s.salary
                   OR (s.include_unstated_salary IS TRUE AND p.salary_min IS NULL AND p.salary_max IS NULL))
              AND (s.salary IS NOT NULL OR s.include_unstated_salary IS DISTINCT FROM false OR p.salary_min IS NOT NULL OR p.salary_max IS NOT NULL)
              AND (cardinality(s.employment_types) = 0 OR p.employment_type = ANY(s.employment_types))
              AND (NOT s.entry_level OR COALESCE(p.experience_years, 0) = 0)
              AND p.key_groups @> s.key_groups
            GROUP BY s.seeker_id, p.id
            ON CONFLICT (seeker_id, posting_id) DO NOTHING
            RETURNING seeker_id AS seekerid, saved_search_ids AS savedsearchids
            """,
            new
            {
                postingId = posting.Id,
                regionPrefixes = new[] { code[..Math.Min(2, code.Length)], code[..Math.Min(4, code.Length)], code },
                lat = posting.Latitude,
                lng = posting.Longitude,
            });
        return rows.AsList();
    }

    private static SavedSearchResponse From(Row row) =>
        new(row.Id, row.Name, JsonSerializer.Deserialize<SavedSearchRequest>(row.Request, Json)!, row.CreatedAt);
}
