using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;
using JobMatch.ServiceDefaults.Skills;

namespace Matching.Api.ReadModel;

/// <summary>
/// Applies events to matching's copy of postings and seekers. Every write keeps the newest state whatever
/// order events arrive in (a late older event changes nothing), so replays and reordering are harmless.
/// </summary>
public sealed class ReadModelStore
{
    private const string PostingColumns =
        "posting_id, employer_id, title, occupation_code, skills, skill_keys, region_code, latitude, longitude, salary_min, salary_max, published_at, valid_until";
    private const string SeekerColumns =
        "seeker_id, skills, skill_keys, region_code, latitude, longitude, max_commute_km, willing_to_relocate, updated_at";

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
                    @SalaryMin, @SalaryMax, @PublishedAt, @ValidUntil)
            ON CONFLICT (posting_id) DO UPDATE SET
                title = excluded.title, occupation_code = excluded.occupation_code, skills = excluded.skills, skill_keys = excluded.skill_keys,
                region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
                salary_min = excluded.salary_min, salary_max = excluded.salary_max, published_at = excluded.published_at,
                valid_until = excluded.valid_until
            WHERE postings.published_at < excluded.published_at AND postings.closed_at IS NULL
            """,
            new
            {
                job.PostingId, job.EmployerId, job.Title, job.OccupationCode,
                Skills = job.Skills.ToArray(), SkillKeys = SkillKey.NormalizeAll(job.Skills),
                job.RegionCode, job.Latitude, job.Longitude, job.SalaryMin, job.SalaryMax,
                PublishedAt = job.PublishedAt.UtcDateTime, ValidUntil = job.ValidUntil?.UtcDateTime,
            }) == 1;
    }

    /// <summary>Takes a posting out of matching at once; remembers the close if the publication is still on its way.</summary>
    public async Task ApplyAsync(ServiceTransaction transaction, JobClosed closed)
    {
        var parameters = new { closed.PostingId, ClosedAt = closed.ClosedAt.UtcDateTime };
        await transaction.ExecuteAsync(
            "UPDATE postings SET closed_at = @ClosedAt WHERE posting_id = @PostingId AND closed_at IS NULL", parameters);
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
            INSERT INTO seekers ({SeekerColumns}, skill_concepts, education_level, education_field, years_of_experience, desired_occupations,
                                 salary_expectation, employment_types, languages, available_from, key_groups, shared_with_employers)
            SELECT @SeekerId, @Skills, @SkillKeys, @RegionCode, @Latitude, @Longitude, @MaxCommuteKm, @WillingToRelocate, @UpdatedAt,
                   @SkillConcepts, @EducationLevel, @EducationField, @YearsOfExperience, @DesiredOccupations, @SalaryExpectation,
                   @EmploymentTypes, @Languages, @AvailableFrom, @KeyGroups, @SharedWithEmployers
            WHERE NOT EXISTS (SELECT 1 FROM removed_seekers WHERE seeker_id = @SeekerId AND removed_at >= @UpdatedAt)
            ON CONFLICT (seeker_id) DO UPDATE SET
                skills = excluded.skills, skill_keys = excluded.skill_keys, region_code = excluded.region_code,
                latitude = excluded.latitude, longitude = excluded.longitude, max_commute_km = excluded.max_commute_km,
                willing_to_relocate = excluded.willing_to_relocate, updated_at = excluded.updated_at,
                skill_concepts = excluded.skill_concepts, education_level = excluded.education_level, education_field = excluded.education_field,
                years_of_experience = excluded.years_of_experience, desired_occupations = excluded.desired_occupations,
                salary_expectation = excluded.salary_expectation, employment_types = excluded.employment_types, languages = excluded.languages,
                available_from = excluded.available_from, key_groups = excluded.key_groups, shared_with_employers = excluded.shared_with_employers
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
            }) == 1;

    /// <summary>
    /// Withdrawn consent to matching removes the seeker at once; employer sharing flips the flag employer-side
    /// results filter on (unless a newer profile already carries a newer answer).
    /// </summary>
    public Task ApplyAsync(ServiceTransaction transaction, SeekerConsentChanged consent) => consent switch
    {
        { Purpose: "matching", Granted: false } => RemoveSeekerAsync(transaction, consent.SeekerId, consent.ChangedAt),
        { Purpose: "employer-sharing" } => transaction.ExecuteAsync(
            "UPDATE seekers SET shared_with_employers = @Granted WHERE seeker_id = @SeekerId AND updated_at <= @ChangedAt",
            new { consent.SeekerId, consent.Granted, ChangedAt = consent.ChangedAt.UtcDateTime }),
        _ => Task.CompletedTask,
    };

    /// <summary>Drops the seeker and the matches they were told about, and remembers when (see removed_seekers).</summary>
    public async Task RemoveSeekerAsync(ServiceTransaction transaction, Guid seekerId, DateTimeOffset removedAt)
    {
        var parameters = new { seekerId, removedAt = removedAt.UtcDateTime };
        await transaction.ExecuteAsync("DELETE FROM seekers WHERE seeker_id = @seekerId AND updated_at <= @removedAt", parameters);
        await transaction.ExecuteAsync("DELETE FROM announced_matches WHERE seeker_id = @seekerId", parameters);
        await transaction.ExecuteAsync(
            """
            INSERT INTO removed_seekers (seeker_id, removed_at) VALUES (@seekerId, @removedAt)
            ON CONFLICT (seeker_id) DO UPDATE SET removed_at = GREATEST(removed_seekers.removed_at, excluded.removed_at)
            """, parameters);
    }

    public static Task<SeekerSnapshot?> FindSeekerAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid seekerId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SeekerSnapshot>(new CommandDefinition(
            $"SELECT {SeekerColumns} FROM seekers WHERE seeker_id = @seekerId", new { seekerId }, transaction, cancellationToken: cancellationToken));

    public static Task<PostingSnapshot?> FindOpenPostingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid postingId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PostingSnapshot>(new CommandDefinition(
            $"SELECT {PostingColumns} FROM postings WHERE posting_id = @postingId AND closed_at IS NULL", new { postingId }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>Open postings sharing at least one skill with the seeker, newest first.</summary>
    public static async Task<IReadOnlyList<PostingSnapshot>> CandidatePostingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, SeekerSnapshot seeker, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PostingSnapshot>(new CommandDefinition(
            $"""
            SELECT {PostingColumns} FROM postings
            WHERE closed_at IS NULL AND (valid_until IS NULL OR valid_until > now()) AND skill_keys && @SkillKeys
            ORDER BY published_at DESC LIMIT @limit
            """, new { seeker.SkillKeys, limit }, transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Seekers sharing at least one skill with the posting.</summary>
    public static async Task<IReadOnlyList<SeekerSnapshot>> CandidateSeekersAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PostingSnapshot posting, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SeekerSnapshot>(new CommandDefinition(
            $"SELECT {SeekerColumns} FROM seekers WHERE skill_keys && @SkillKeys ORDER BY updated_at DESC LIMIT @limit",
            new { posting.SkillKeys, limit }, transaction, cancellationToken: cancellationToken))).AsList();
}
