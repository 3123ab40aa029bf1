using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Skills;
using Npgsql;

namespace Matching.Api.ReadModel;

/// <summary>
/// Applies events to matching's copy of postings and seekers. Every write keeps the newest state whatever
/// order events arrive in (a late older event changes nothing), so replays and reordering are harmless.
/// </summary>
public sealed class ReadModelStore
{
    public const string PostingColumns =
        "posting_id, employer_id, title, occupation_code, skills, skill_keys, region_code, latitude, longitude, salary_min, salary_max, published_at, valid_until, " +
        "optional_skills, employment_type, key_groups, experience_years, education, description, national_occupation_code";
    private const string SeekerColumns =
        "seeker_id, skills, skill_keys, region_code, latitude, longitude, max_commute_km, willing_to_relocate, updated_at, " +
        "skill_concepts, education_level, education_field, years_of_experience, desired_occupations, salary_expectation, employment_types, " +
        "languages, key_groups, shared_with_employers, past_occupations, certificates, national_occupation_code";

    /// <summary>Stores a published posting; returns false when it was already closed or a newer version is stored.</summary>
    public async Task<bool> ApplyAsync(ServiceTransaction transaction, JobPublished job)
    {
        var closed = await transaction.QuerySingleOrDefaultAsync<DateTime?>(
            "SELECT closed_at FROM closed_postings WHERE posting_id = @PostingId", new { job.PostingId });
        if (closed is not null) return false;
        return await transaction.ExecuteAsync(
            $"""
            INSERT INTO postings ({PostingColumns})
            VALUES (@PostingId, @EmployerId, @Title, @OccupationCode, @Skills, @SkillKeys, @RegionCode, @Latitude, @Longitude,
                    @SalaryMin, @SalaryMax, @PublishedAt, @ValidUntil, @OptionalSkills, @EmploymentType, @KeyGroups, @ExperienceYears, @Education, @Description,
                    @NationalOccupationCode)
            ON CONFLICT (posting_id) DO UPDATE SET
                title = excluded.title, occupation_code = excluded.occupation_code, skills = excluded.skills, skill_keys = excluded.skill_keys,
                region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
                salary_min = excluded.salary_min, salary_max = excluded.salary_max, published_at = excluded.published_at,
                valid_until = excluded.valid_until, optional_skills = excluded.optional_skills, employment_type = excluded.employment_type,
                key_groups = excluded.key_groups, experience_years = excluded.experience_years, education = excluded.education,
                description = excluded.description, national_occupation_code = excluded.national_occupation_code,
                written_by = pg_current_xact_id()
            WHERE postings.published_at < excluded.published_at AND postings.closed_at IS NULL
            """,
            new
            {
                job.PostingId, job.EmployerId, job.Title, job.OccupationCode,
                Skills = job.Skills.ToArray(), SkillKeys = SkillKey.NormalizeAll(job.Skills),
                job.RegionCode, job.Latitude, job.Longitude, job.SalaryMin, job.SalaryMax,
                PublishedAt = job.PublishedAt.UtcDateTime, ValidUntil = job.ValidUntil?.UtcDateTime,
                OptionalSkills = (job.OptionalSkills ?? []).ToArray(), job.EmploymentType, KeyGroups = (job.KeyGroups ?? []).ToArray(),
                job.ExperienceYears, job.Education, job.Description, job.NationalOccupationCode,
            }) == 1;
    }

    /// <summary>Takes a posting out of matching at once; remembers the close if the publication is still on its way.</summary>
    public async Task ApplyAsync(ServiceTransaction transaction, JobClosed closed)
    {
        var parameters = new { closed.PostingId, ClosedAt = closed.ClosedAt.UtcDateTime };
        await transaction.ExecuteAsync(
            "UPDATE postings SET closed_at = @ClosedAt, written_by = pg_current_xact_id() WHERE posting_id = @PostingId AND closed_at IS NULL", parameters);
        await transaction.ExecuteAsync(
            "INSERT INTO closed_postings (posting_id, closed_at) VALUES (@PostingId, @ClosedAt) ON CONFLICT DO NOTHING", parameters);
    }

    /// <summary>
    /// Stores the seeker's newest profile; returns false when a newer one is already stored, or when the seeker left
    /// matching (withdrew consent, deleted their account) after this profile was written.
    /// </summary>
    public async Task<bool> ApplyAsync(ServiceTransaction transaction, ProfileUpdated profile) =>
        await transaction.ExecuteAsync(
            $"""
            INSERT INTO seekers ({SeekerColumns}, available_from)
            SELECT @SeekerId, @Skills, @SkillKeys, @RegionCode, @Latitude, @Longitude, @MaxCommuteKm, @WillingToRelocate, @UpdatedAt,
                   @SkillConcepts, @EducationLevel, @EducationField, @YearsOfExperience, @DesiredOccupations, @SalaryExpectation,
                   @EmploymentTypes, @Languages, @KeyGroups, @SharedWithEmployers, @PastOccupations, @Certificates,
                   @NationalOccupationCode, @AvailableFrom
            WHERE NOT EXISTS (SELECT 1 FROM removed_seekers WHERE seeker_id = @SeekerId AND removed_at >= @UpdatedAt)
            ON CONFLICT (seeker_id) DO UPDATE SET
                skills = excluded.skills, skill_keys = excluded.skill_keys, region_code = excluded.region_code,
                latitude = excluded.latitude, longitude = excluded.longitude, max_commute_km = excluded.max_commute_km,
                willing_to_relocate = excluded.willing_to_relocate, updated_at = excluded.updated_at,
                skill_concepts = excluded.skill_concepts, education_level = excluded.education_level, education_field = excluded.education_field,
                years_of_experience = excluded.years_of_experience, desired_occupations = excluded.desired_occupations,
                salary_expectation = excluded.salary_expectation, employment_types = excluded.employment_types, languages = excluded.languages,
                available_from = excluded.available_from, key_groups = excluded.key_groups, shared_with_employers = excluded.shared_with_employers,
                past_occupations = excluded.past_occupations, certificates = excluded.certificates,
                national_occupation_code = excluded.national_occupation_code, written_by = pg_current_xact_id()
            WHERE seekers.updated_at < excluded.updated_at
            """,
            new
            {
                profile.SeekerId, Skills = profile.Skills.ToArray(), SkillKeys = SkillKey.NormalizeAll(profile.Skills),
                profile.RegionCode, profile.Latitude, profile.Longitude, profile.MaxCommuteKm, profile.WillingToRelocate,
                UpdatedAt = profile.UpdatedAt.UtcDateTime,
                SkillConcepts = (profile.SkillConcepts ?? []).ToArray(), profile.EducationLevel, profile.EducationField, profile.YearsOfExperience,
                DesiredOccupations = (profile.DesiredOccupations ?? []).ToArray(), profile.SalaryExpectation,
                EmploymentTypes = (profile.EmploymentTypes ?? []).ToArray(), Languages = (profile.Languages ?? []).ToArray(),
                profile.AvailableFrom, KeyGroups = (profile.KeyGroups ?? []).ToArray(), profile.SharedWithEmployers,
                PastOccupations = (profile.PastOccupations ?? []).ToArray(), Certificates = (profile.Certificates ?? []).ToArray(),
                profile.NationalOccupationCode,
            }) == 1;

    /// <summary>
    /// Withdrawn consent to matching removes the seeker at once; employer sharing flips the flag employer-side
    /// results filter on (unless a newer profile already carries a newer answer).
    /// </summary>
    public Task ApplyAsync(ServiceTransaction transaction, SeekerConsentChanged consent) => consent switch
    {
        { Purpose: "matching", Granted: false } => RemoveSeekerAsync(transaction, consent.SeekerId, consent.ChangedAt),
        { Purpose: "employer-sharing" } => transaction.ExecuteAsync(
            "UPDATE seekers SET shared_with_employers = @Granted, written_by = pg_current_xact_id() WHERE seeker_id = @SeekerId AND updated_at <= @ChangedAt",
            new { consent.SeekerId, consent.Granted, ChangedAt = consent.ChangedAt.UtcDateTime }),
        _ => Task.CompletedTask,
    };

    /// <summary>Drops the seeker, the matches they were told about and the campaigns' notes that found them none, and remembers when (see removed_seekers).</summary>
    public async Task RemoveSeekerAsync(ServiceTransaction transaction, Guid seekerId, DateTimeOffset removedAt)
    {
        var parameters = new { seekerId, removedAt = removedAt.UtcDateTime };
        await transaction.ExecuteAsync("DELETE FROM seekers WHERE seeker_id = @seekerId AND updated_at <= @removedAt", parameters);
        await transaction.ExecuteAsync("DELETE FROM announced_matches WHERE seeker_id = @seekerId", parameters);
        await transaction.ExecuteAsync("DELETE FROM campaign_unmatched WHERE seeker_id = @seekerId", parameters);
        await transaction.ExecuteAsync(
            """
            INSERT INTO removed_seekers (seeker_id, removed_at) VALUES (@seekerId, @removedAt)
            ON CONFLICT (seeker_id) DO UPDATE SET removed_at = GREATEST(removed_seekers.removed_at, excluded.removed_at), written_by = pg_current_xact_id()
            """, parameters);
    }

    public static Task<SeekerSnapshot?> FindSeekerAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid seekerId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SeekerSnapshot>(new CommandDefinition(
            $"SELECT {SeekerColumns} FROM seekers WHERE seeker_id = @seekerId", new { seekerId }, transaction, cancellationToken: cancellationToken));

    public static Task<PostingSnapshot?> FindOpenPostingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid postingId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PostingSnapshot>(new CommandDefinition(
            $"SELECT {PostingColumns} FROM postings WHERE posting_id = @postingId AND closed_at IS NULL", new { postingId }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Everything written since <paramref name="since"/> (a transaction id; 0 for everything): postings (closed ones
    /// too, so the index can drop them), seekers, and seekers who left matching. The returned watermark is the oldest
    /// transaction still running at that moment, so rows those transactions commit later are read next time — some rows
    /// come twice, none is missed; applying them is idempotent.
    /// </summary>
    public static async Task<ReadModelChanges> ChangesSinceAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, ulong since, CancellationToken cancellationToken)
    {
        var parameters = new { since = since.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var watermark = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text", transaction: transaction, cancellationToken: cancellationToken));
        var postings = await connection.QueryAsync<PostingSnapshot>(new CommandDefinition(
            $"SELECT {PostingColumns}, closed_at FROM postings WHERE written_by >= @since::xid8 AND (@since <> '0' OR closed_at IS NULL)",
            parameters, transaction, cancellationToken: cancellationToken));
        var seekers = await connection.QueryAsync<SeekerSnapshot>(new CommandDefinition(
            $"SELECT {SeekerColumns} FROM seekers WHERE written_by >= @since::xid8", parameters, transaction, cancellationToken: cancellationToken));
        var removed = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT seeker_id FROM removed_seekers WHERE written_by >= @since::xid8 AND @since <> '0'", parameters, transaction,
            cancellationToken: cancellationToken));
        return new ReadModelChanges(postings.AsList(), seekers.AsList(), removed.AsList(),
            ulong.Parse(watermark!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed record ReadModelChanges(
    IReadOnlyList<PostingSnapshot> Postings, IReadOnlyList<SeekerSnapshot> Seekers, IReadOnlyList<Guid> RemovedSeekers, ulong Watermark);
