using JobMatch.Contracts;
using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Screening;
using JobPostings.Api.Search;
using Matching.Taxonomy;
using Npgsql;

namespace JobPostings.Api.Postings;

/// <summary>SQL for postings. Writes take the caller's <see cref="ServiceTransaction"/> so events commit with them.</summary>
public sealed class PostingStore(NpgsqlDataSource dataSource)
{
    public const string Columns =
        "id, employer_id, title, description, occupation_code, skills, optional_skills, education, experience_years, region_code, " +
        "latitude, longitude, salary_min, salary_max, salary_negotiable, employment_type, key_groups, vacancies, status, review_note, " +
        "content_fingerprint, duplicate_of, valid_until, created_at, updated_at, submitted_at, published_at, closed_at, employer_name, national_occupation_code, " +
        "national_occupation_source";

    public async Task<Posting?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Posting>(new CommandDefinition(
            $"SELECT {Columns} FROM postings WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Posting?> LockAsync(ServiceTransaction transaction, Guid id) =>
        transaction.QuerySingleOrDefaultAsync<Posting>($"SELECT {Columns} FROM postings WHERE id = @id FOR UPDATE", new { id });

    /// <summary>A new draft; <paramref name="employerName"/> is the name the employer's account goes by.</summary>
    public Task<Posting> InsertAsync(ServiceTransaction transaction, Guid employerId, string? employerName, CreatePostingRequest request) =>
        transaction.QuerySingleOrDefaultAsync<Posting>(
            $"""
            INSERT INTO postings (id, employer_id, title, description, occupation_code, skills, optional_skills, education, experience_years,
                                  region_code, latitude, longitude, salary_min, salary_max, salary_negotiable, employment_type, key_groups,
                                  vacancies, status, valid_until, search_terms, employer_name, national_occupation_code,
                                  national_occupation_source)
            VALUES (@Id, @EmployerId, @Title, @Description, @OccupationCode, @Skills, @OptionalSkills, @Education, @ExperienceYears,
                    @RegionCode, @Latitude, @Longitude, @SalaryMin, @SalaryMax, @SalaryNegotiable, @EmploymentType, @KeyGroups,
                    @Vacancies, @Status, @ValidUntil, @SearchTerms::tsvector, @EmployerName, @NationalOccupationCode,
                    @NationalOccupationSource)
            RETURNING {Columns}
            """,
            Parameters(request, Guid.CreateVersion7(), employerId, employerName))!;

    /// <summary>Replaces a draft's content; the caller has checked the state and the owner.</summary>
    public Task<Posting> UpdateContentAsync(ServiceTransaction transaction, Guid id, Guid employerId, CreatePostingRequest request) =>
        transaction.QuerySingleOrDefaultAsync<Posting>(
            $"""
            UPDATE postings SET title = @Title, description = @Description, occupation_code = @OccupationCode, skills = @Skills,
                optional_skills = @OptionalSkills, education = @Education, experience_years = @ExperienceYears, region_code = @RegionCode,
                latitude = @Latitude, longitude = @Longitude, salary_min = @SalaryMin, salary_max = @SalaryMax,
                salary_negotiable = @SalaryNegotiable, employment_type = @EmploymentType, key_groups = @KeyGroups,
                vacancies = @Vacancies, valid_until = @ValidUntil, search_terms = @SearchTerms::tsvector,
                national_occupation_code = @NationalOccupationCode, national_occupation_source = @NationalOccupationSource, updated_at = now()
            WHERE id = @Id
            RETURNING {Columns}
            """,
            Parameters(request, id, employerId))!;

    public Task<Posting> SetStatusAsync(ServiceTransaction transaction, Guid id, PostingStatus status, string? reviewNote = null) =>
        transaction.QuerySingleOrDefaultAsync<Posting>(
            $"""
            UPDATE postings SET status = @Status, updated_at = now(),
                review_note = COALESCE(@reviewNote, review_note),
                submitted_at = CASE WHEN @Status = 'Submitted' THEN now() ELSE submitted_at END,
                published_at = CASE WHEN @Status = 'Published' THEN now() ELSE published_at END,
                closed_at = CASE WHEN @Status IN ('Closed', 'Expired') THEN now() ELSE closed_at END
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, Status = status.ToString(), reviewNote })!;

    /// <summary>Stores what screening found at this submission, replacing the previous submission's flags.</summary>
    public async Task RecordScreeningAsync(ServiceTransaction transaction, Guid id, string fingerprint, Guid? duplicateOf, IReadOnlyList<ScreeningFlag> flags)
    {
        await transaction.ExecuteAsync(
            """
            UPDATE postings SET content_fingerprint = @fingerprint, duplicate_of = @duplicateOf WHERE id = @id;
            DELETE FROM screening_flags WHERE posting_id = @id;
            """, new { id, fingerprint, duplicateOf });
        foreach (var flag in flags)
        {
            await transaction.ExecuteAsync(
                "INSERT INTO screening_flags (posting_id, rule, kind, matched_text) VALUES (@id, @Rule, @Kind, @MatchedText)",
                new { id, flag.Rule, flag.Kind, flag.MatchedText });
        }
    }

    /// <summary>The earliest other posting with the same content that is live or on its way there.</summary>
    public Task<SameContent?> FindSameContentAsync(ServiceTransaction transaction, Guid id, string fingerprint) =>
        transaction.QuerySingleOrDefaultAsync<SameContent>(
            """
            SELECT id, employer_id AS employerid FROM postings
            WHERE content_fingerprint = @fingerprint AND id <> @id
              AND status IN ('Submitted', 'Screening', 'NeedsReview', 'Published')
            ORDER BY created_at, id LIMIT 1
            """, new { id, fingerprint });

    public async Task<IReadOnlyList<ScreeningFlag>> FlagsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScreeningFlag>(new CommandDefinition(
            "SELECT rule, kind, matched_text AS matchedtext FROM screening_flags WHERE posting_id = @id ORDER BY kind, rule",
            new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Published postings, newest first, with keyset paging on (published_at, id).</summary>
    public async Task<IReadOnlyList<Posting>> ListPublishedAsync(int limit, DateTime? beforePublishedAt, Guid? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Posting>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM postings
            WHERE status = 'Published' AND duplicate_of IS NULL AND (valid_until IS NULL OR valid_until > now())
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

    /// <summary>
    /// The review queue of some regions (division prefixes; none means every region): postings screening held, and
    /// published postings with open complaints — oldest wait first (submission, or the first open complaint).
    /// The region filter is in the query, so other regions' postings cannot crowd a caseworker's queue out.
    /// </summary>
    public async Task<IReadOnlyList<Posting>> ListForReviewAsync(IReadOnlyList<string>? regionPrefixes, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Posting>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM (
                SELECT p.*, p.submitted_at AS waiting_since FROM postings p WHERE p.status = 'NeedsReview'
                UNION ALL
                SELECT p.*, c.first_filed AS waiting_since FROM postings p
                JOIN (SELECT posting_id, min(filed_at) AS first_filed FROM complaints WHERE resolved_at IS NULL GROUP BY posting_id) c ON c.posting_id = p.id
                WHERE p.status = 'Published'
            ) queue
            WHERE @patterns::text[] IS NULL OR region_code LIKE ANY(@patterns)
            ORDER BY waiting_since, id LIMIT @limit
            """, new { patterns = regionPrefixes?.Select(prefix => prefix + "%").ToArray(), limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>What screening found for each of some postings, as <see cref="FlagsAsync"/> orders them.</summary>
    public async Task<ILookup<Guid, ScreeningFlag>> FlagsForAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid PostingId, string Rule, string Kind, string MatchedText)>(new CommandDefinition(
            "SELECT posting_id, rule, kind, matched_text FROM screening_flags WHERE posting_id = ANY(@ids) ORDER BY kind, rule",
            new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToLookup(row => row.PostingId, row => new ScreeningFlag(row.Rule, row.Kind, row.MatchedText));
    }

    /// <summary>Claims published postings past their validity (several instances share the work).</summary>
    public async Task<IReadOnlyList<Posting>> ExpireDueAsync(ServiceTransaction transaction, int batchSize)
    {
        var rows = await transaction.QueryAsync<Posting>(
            $"""
            UPDATE postings SET status = 'Expired', closed_at = now(), updated_at = now()
            WHERE id IN (SELECT id FROM postings WHERE status = 'Published' AND valid_until IS NOT NULL AND valid_until <= now()
                         ORDER BY valid_until LIMIT @batchSize FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, new { batchSize });
        return rows.AsList();
    }

    /// <summary>Claims published postings whose validity ends within <paramref name="warnBefore"/> and marks them warned.</summary>
    public async Task<IReadOnlyList<Posting>> ClaimExpiringAsync(ServiceTransaction transaction, TimeSpan warnBefore, int batchSize)
    {
        var rows = await transaction.QueryAsync<Posting>(
            $"""
            UPDATE postings SET expiry_warned_at = now()
            WHERE id IN (SELECT id FROM postings
                         WHERE status = 'Published' AND valid_until IS NOT NULL AND expiry_warned_at IS NULL
                           AND valid_until > now() AND valid_until <= now() + @warnBefore
                         ORDER BY valid_until LIMIT @batchSize FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, new { warnBefore, batchSize });
        return rows.AsList();
    }

    private static object Parameters(CreatePostingRequest request, Guid id, Guid employerId, string? employerName = null)
    {
        var skills = Clean(request.Skills);
        var optionalSkills = Clean(request.OptionalSkills);
        var title = request.Title!.Trim();
        var description = request.Description?.Trim() ?? "";
        // The 大典 code beside the ESCO one: the employer's (a repeated code stored as the code it repeats), else derived.
        var national = NationalOccupationChoice.For(SkillTaxonomy.Shared, request.NationalOccupationCode, request.NationalOccupationSource,
            [request.OccupationCode], title);
        return new
        {
            Id = id,
            EmployerId = employerId,
            Title = title,
            Description = description,
            request.OccupationCode,
            NationalOccupationCode = national.Code,
            NationalOccupationSource = national.Source?.ToString().ToLowerInvariant(),
            Skills = skills,
            OptionalSkills = optionalSkills,
            Education = request.Education?.ToString(),
            request.ExperienceYears,
            request.RegionCode,
            request.Latitude,
            request.Longitude,
            request.SalaryMin,
            request.SalaryMax,
            request.SalaryNegotiable,
            EmploymentType = (request.EmploymentType ?? JobMatch.Contracts.Responses.Postings.EmploymentType.FullTime).ToString(),
            KeyGroups = (request.KeyGroups ?? []).Select(group => group.ToString()).ToArray(),
            Vacancies = request.Vacancies ?? 1,
            Status = nameof(PostingStatus.Draft),
            ValidUntil = request.ValidUntil?.ToUniversalTime(),
            SearchTerms = SearchTerms.Document(title, description, skills.Concat(optionalSkills)),
            EmployerName = employerName,
        };
    }

    private static string[] Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(item => item.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}

public sealed record SameContent(Guid Id, Guid EmployerId);
