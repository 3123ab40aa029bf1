using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using NpgsqlTypes;
using Profiles.Api.KeyGroups;
using Profiles.Api.Profiles;

namespace Profiles.Api.Import;

/// <summary>
/// Writes a validated register in the caller's transaction: rows are COPYed (binary) into a temporary table and
/// merged into register_entries in one statement, so a file is in whole or not at all. A person already on the
/// register is updated (the newer file wins). Seekers whose ID number is on it get their key groups derived again.
/// </summary>
public sealed class RegisterImporter(PersonalDataProtector protector, BlindIndex blindIndex, ProfileStore profiles,
    KeyGroupStore keyGroups, ProfileAnnouncer announcer)
{
    public async Task<int> ImportAsync(ServiceTransaction transaction, string register, IReadOnlyList<RegisterRow> rows, Guid importId, Guid importedBy)
    {
        await transaction.ExecuteAsync(
            """
            CREATE TEMPORARY TABLE register_import (
                national_id_index text, national_id_protected text, name_protected text, phone_protected text, region_code text, registered_on date
            ) ON COMMIT DROP
            """);
        await using (var copy = await transaction.Connection.BeginBinaryImportAsync(
            "COPY register_import (national_id_index, national_id_protected, name_protected, phone_protected, region_code, registered_on) FROM STDIN (FORMAT BINARY)",
            transaction.CancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(transaction.CancellationToken);
                await copy.WriteAsync(blindIndex.Of(row.NationalId.Value), NpgsqlDbType.Text, transaction.CancellationToken);
                await copy.WriteAsync(protector.Protect(row.NationalId.Value), NpgsqlDbType.Text, transaction.CancellationToken);
                await copy.WriteAsync(protector.Protect(row.Name), NpgsqlDbType.Text, transaction.CancellationToken);
                if (row.Phone is null) await copy.WriteNullAsync(transaction.CancellationToken);
                else await copy.WriteAsync(protector.Protect(row.Phone), NpgsqlDbType.Text, transaction.CancellationToken);
                await copy.WriteAsync(row.RegionCode, NpgsqlDbType.Text, transaction.CancellationToken);
                await copy.WriteAsync(row.RegisteredOn, NpgsqlDbType.Date, transaction.CancellationToken);
            }
            await copy.CompleteAsync(transaction.CancellationToken);
        }
        var merged = await transaction.ExecuteAsync(
            """
            INSERT INTO register_entries (register, national_id_index, national_id_protected, name_protected, phone_protected, region_code,
                                          registered_on, import_id, imported_by)
            SELECT @register, national_id_index, national_id_protected, name_protected, phone_protected, region_code, registered_on, @importId, @importedBy
            FROM register_import
            ON CONFLICT (register, national_id_index) DO UPDATE SET
                national_id_protected = excluded.national_id_protected, name_protected = excluded.name_protected,
                phone_protected = excluded.phone_protected, region_code = excluded.region_code, registered_on = excluded.registered_on,
                import_id = excluded.import_id, imported_by = excluded.imported_by, imported_at = now()
            """, new { register, importId, importedBy });

        var seekers = await transaction.QueryAsync<Guid>(
            "SELECT p.seeker_id FROM profiles p JOIN register_import i ON i.national_id_index = p.national_id_index");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var seekerId in seekers)
        {
            var profile = (await profiles.FindAsync(transaction, seekerId))!;
            var index = profiles.NationalIdOf(profile) is { } id ? blindIndex.Of(id) : null;
            var statuses = KeyGroupRules.Derive(ProfileStore.DetailsOf(profile), profiles.PersonalOf(profile), await keyGroups.RegistersAsync(transaction, index), today);
            await keyGroups.ApplyDerivedAsync(transaction, seekerId, statuses);
            await announcer.AnnounceAsync(transaction, (await profiles.TouchAsync(transaction, seekerId))!);
        }
        return merged;
    }
}
