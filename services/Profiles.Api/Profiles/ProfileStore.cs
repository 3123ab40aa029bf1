using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace Profiles.Api.Profiles;

public sealed class ProfileStore(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    private const string Columns =
        "seeker_id, name_protected, phone_protected, skills, region_code, latitude, longitude, max_commute_km, willing_to_relocate, created_at, updated_at";

    public async Task<ProfileRow?> FindAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM profiles WHERE seeker_id = @seekerId", new { seekerId }, cancellationToken: cancellationToken));
    }

    public Task<ProfileRow> UpsertAsync(ServiceTransaction transaction, Guid seekerId, UpdateProfileRequest request) =>
        transaction.QuerySingleOrDefaultAsync<ProfileRow>(
            $"""
            INSERT INTO profiles (seeker_id, name_protected, phone_protected, skills, region_code, latitude, longitude,
                                  max_commute_km, willing_to_relocate)
            VALUES (@seekerId, @NameProtected, @PhoneProtected, @Skills, @RegionCode, @Latitude, @Longitude, @MaxCommuteKm, @WillingToRelocate)
            ON CONFLICT (seeker_id) DO UPDATE SET
                name_protected = excluded.name_protected, phone_protected = excluded.phone_protected, skills = excluded.skills,
                region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
                max_commute_km = excluded.max_commute_km, willing_to_relocate = excluded.willing_to_relocate, updated_at = now()
            RETURNING {Columns}
            """,
            new
            {
                seekerId,
                NameProtected = protector.Protect(request.Name!.Trim()),
                PhoneProtected = protector.ProtectOptional(request.Phone),
                Skills = (request.Skills ?? []).Select(skill => skill.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                request.RegionCode,
                request.Latitude,
                request.Longitude,
                request.MaxCommuteKm,
                WillingToRelocate = request.WillingToRelocate ?? false,
            })!;
}
