using JobMatch.Contracts;
using System.Text.Json;
using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Skills;
using JobMatch.TextAnalysis;
using Matching.Taxonomy;
using Npgsql;

namespace Profiles.Api.Profiles;

public sealed class ProfileStore(NpgsqlDataSource dataSource, PersonalDataProtector protector, BlindIndex blindIndex)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        """
        seeker_id, name_protected, phone_protected, skills, skill_concepts, region_code, latitude, longitude, max_commute_km,
        willing_to_relocate, national_id_protected, personal_protected, details::text AS details, created_at, updated_at,
        national_occupation_code, national_occupation_source
        """;

    public async Task<ProfileRow?> FindAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM profiles WHERE seeker_id = @seekerId", new { seekerId }, cancellationToken: cancellationToken));
    }

    public Task<ProfileRow?> FindAsync(ServiceTransaction transaction, Guid seekerId) =>
        transaction.QuerySingleOrDefaultAsync<ProfileRow>($"SELECT {Columns} FROM profiles WHERE seeker_id = @seekerId", new { seekerId });

    /// <summary>Whether another seeker's profile already holds this ID number (one person, one profile).</summary>
    public async Task<bool> NationalIdTakenAsync(ServiceTransaction transaction, Guid seekerId, NationalId nationalId) =>
        await transaction.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM profiles WHERE national_id_index = @index AND seeker_id <> @seekerId)",
            new { index = blindIndex.Of(nationalId.Value), seekerId });

    /// <summary>Remembers that the seeker tried an ID number another profile holds (not which number).</summary>
    public Task RecordTakenNationalIdAsync(ServiceTransaction transaction, Guid seekerId) =>
        transaction.ExecuteAsync("INSERT INTO national_id_attempts (seeker_id) VALUES (@seekerId)", new { seekerId });

    /// <summary>How often the seeker tried an ID number another profile holds since the given moment.</summary>
    public Task<int> TakenNationalIdAttemptsAsync(ServiceTransaction transaction, Guid seekerId, DateTime since) =>
        transaction.QuerySingleOrDefaultAsync<int>(
            "SELECT count(*) FROM national_id_attempts WHERE seeker_id = @seekerId AND attempted_at > @since", new { seekerId, since });

    /// <summary>Whether this number is the one the seeker's profile already holds (saving it again reveals nothing).</summary>
    public Task<bool> HoldsNationalIdAsync(ServiceTransaction transaction, Guid seekerId, NationalId nationalId) =>
        transaction.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM profiles WHERE national_id_index = @index AND seeker_id = @seekerId)",
            new { index = blindIndex.Of(nationalId.Value), seekerId });

    public Task<ProfileRow> UpsertAsync(ServiceTransaction transaction, Guid seekerId, UpdateProfileRequest request, NationalId? nationalId)
    {
        var skills = (request.Skills ?? []).Select(skill => skill.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var national = NationalOccupationOf(request);
        return transaction.QuerySingleOrDefaultAsync<ProfileRow>(
            $"""
            INSERT INTO profiles (seeker_id, name_protected, phone_protected, skills, skill_concepts, region_code, latitude, longitude,
                                  max_commute_km, willing_to_relocate, national_id_protected, national_id_index, personal_protected, details,
                                  national_occupation_code, national_occupation_source, name_index)
            VALUES (@seekerId, @NameProtected, @PhoneProtected, @Skills, @SkillConcepts, @RegionCode, @Latitude, @Longitude, @MaxCommuteKm,
                    @WillingToRelocate, @NationalIdProtected, @NationalIdIndex, @PersonalProtected, @Details::jsonb, @NationalOccupationCode,
                    @NationalOccupationSource, @NameIndex)
            ON CONFLICT (seeker_id) DO UPDATE SET
                name_protected = excluded.name_protected, phone_protected = excluded.phone_protected, skills = excluded.skills,
                skill_concepts = excluded.skill_concepts, region_code = excluded.region_code, latitude = excluded.latitude,
                longitude = excluded.longitude, max_commute_km = excluded.max_commute_km, willing_to_relocate = excluded.willing_to_relocate,
                national_id_protected = excluded.national_id_protected, national_id_index = excluded.national_id_index,
                personal_protected = excluded.personal_protected, details = excluded.details,
                national_occupation_code = excluded.national_occupation_code, national_occupation_source = excluded.national_occupation_source,
                name_index = excluded.name_index,
                updated_at = clock_timestamp()
            RETURNING {Columns}
            """,
            new
            {
                seekerId,
                NameProtected = protector.Protect(request.Name!.Trim()),
                PhoneProtected = protector.ProtectOptional(request.Phone),
                Skills = skills,
                SkillConcepts = SkillKey.NormalizeAll(skills),
                request.RegionCode,
                request.Latitude,
                request.Longitude,
                request.MaxCommuteKm,
                WillingToRelocate = request.WillingToRelocate ?? false,
                NationalIdProtected = protector.ProtectOptional(nationalId?.Value),
                NationalIdIndex = nationalId is null ? null : blindIndex.Of(nationalId.Value),
                PersonalProtected = protector.Protect(JsonSerializer.Serialize(request.Personal(nationalId), Json)),
                Details = JsonSerializer.Serialize(request.Details(), Json),
                NationalOccupationCode = national.Code,
                NationalOccupationSource = national.Source?.ToString().ToLowerInvariant(),
                NameIndex = NameIndexOf(request.Name!),
            })!;
    }

    /// <summary>The seeker's 大典 code (a repeated code stored as the one it repeats), else the first desired occupation's.</summary>
    private static NationalOccupationChoice NationalOccupationOf(UpdateProfileRequest request)
    {
        var desired = request.DesiredOccupations ?? [];
        return NationalOccupationChoice.For(SkillTaxonomy.Shared, request.NationalOccupationCode, request.NationalOccupationSource, desired, desired.FirstOrDefault());
    }

    /// <summary>Whether the seeker chose the 细类 or the service derived it from the desired occupations.</summary>
    public static NationalOccupationSource? NationalSourceOf(ProfileRow row)
    {
        var desired = DetailsOf(row).DesiredOccupations;
        return NationalOccupationChoice.SourceOf(SkillTaxonomy.Shared, row.NationalOccupationCode,
            row.NationalOccupationSource is { } stored ? Enum.Parse<NationalOccupationSource>(stored, ignoreCase: true) : null, desired, desired.FirstOrDefault());
    }

    /// <summary>Marks the profile changed (key groups or consent moved), so the event announcing it is the newest.</summary>
    public Task<ProfileRow?> TouchAsync(ServiceTransaction transaction, Guid seekerId) =>
        transaction.QuerySingleOrDefaultAsync<ProfileRow>(
            $"UPDATE profiles SET updated_at = clock_timestamp() WHERE seeker_id = @seekerId RETURNING {Columns}", new { seekerId });

    /// <summary>Removes the account's profile; key groups and consents go with it (ON DELETE CASCADE), and its ID-number attempts.</summary>
    public async Task<bool> DeleteAsync(ServiceTransaction transaction, Guid seekerId)
    {
        await transaction.ExecuteAsync("DELETE FROM national_id_attempts WHERE seeker_id = @seekerId", new { seekerId });
        await transaction.ExecuteAsync("DELETE FROM applicants WHERE seeker_id = @seekerId", new { seekerId });
        return await transaction.ExecuteAsync("DELETE FROM profiles WHERE seeker_id = @seekerId", new { seekerId }) == 1;
    }

    /// <summary>Profiles saved before the details existed hold an empty object.</summary>
    public static ProfileDetails DetailsOf(ProfileRow row) =>
        row.Details is "{}" or "" ? ProfileDetails.Empty : JsonSerializer.Deserialize<ProfileDetails>(row.Details, Json) ?? ProfileDetails.Empty;

    public PersonalDetails PersonalOf(ProfileRow row) =>
        row.PersonalProtected is null
            ? new PersonalDetails(null, null, null, null, null, false)
            : JsonSerializer.Deserialize<PersonalDetails>(protector.Unprotect(row.PersonalProtected), Json)!;

    public string? NationalIdOf(ProfileRow row) => protector.UnprotectOptional(row.NationalIdProtected);

    public string NameOf(ProfileRow row) => protector.Unprotect(row.NameProtected);

    public string? PhoneOf(ProfileRow row) => protector.UnprotectOptional(row.PhoneProtected);

    public string IndexOf(string nationalId) => blindIndex.Of(nationalId);

    /// <summary>Opens a sealed column read outside a profile row (the register's rows).</summary>
    public string Open(string protectedValue) => protector.Unprotect(protectedValue);

    public string? OpenOptional(string? protectedValue) => protector.UnprotectOptional(protectedValue);

    /// <summary>
    /// The blind index of a name as a caseworker would type it: cleaned (NFKC, format characters out), spaces
    /// collapsed, case folded — so 张伟明, ＺＨＡＮＧ and "zhang  wei" find what the seeker saved. Exact names only. The
    /// prefix keeps a name's hash from ever equalling an ID number's.
    /// </summary>
    public string NameIndexOf(string name) => blindIndex.Of("name:" + TextNormalizer.Clean(name).ToLowerInvariant());
}
