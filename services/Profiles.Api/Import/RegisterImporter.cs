using System.Security.Claims;
using Dapper;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using NpgsqlTypes;
using Profiles.Api.KeyGroups;
using Profiles.Api.Profiles;

namespace Profiles.Api.Import;

/// <summary>What an import did: rows merged and the seekers whose key groups it derived again; or, when it refused, why.</summary>
public sealed record ImportOutcome(int Merged, IReadOnlyList<Guid> Seekers, IReadOnlyList<RowError> Refused);

/// <summary>
/// Writes a validated register in the caller's transaction: rows are COPYed (binary) into a temporary table and
/// merged into register_entries in one statement, so a file is in whole or not at all. A person already on the
/// register is updated (the newer file wins) — but only when the caller serves the region their entry is held in:
/// a line naming someone on another region's register refuses the file, so no office overwrites another's entries.
/// Seekers whose ID number is on it get their key groups derived again.
/// </summary>
public sealed class RegisterImporter(PersonalDataProtector protector, BlindIndex blindIndex, ProfileStore profiles,
    KeyGroupStore keyGroups, ProfileAnnouncer announcer)
{
    public const string HeldByAnotherRegion =
        "This person is on another region's register: the office serving that region must remove them before you can import them.";

    public async Task<ImportOutcome> ImportAsync(ServiceTransaction transaction, ClaimsPrincipal caller, string register, IReadOnlyList<RegisterRow> rows, Guid importId)
    {
        await StageAsync(transaction, rows);
        var refused = await HeldElsewhereAsync(transaction, caller, register);
        if (refused.Count > 0) return new ImportOutcome(0, [], refused);
        var merged = await MergeAsync(transaction, register, importId, caller.UserId());
        var seekers = await DeriveKeyGroupsAsync(transaction);
        return new ImportOutcome(merged, seekers, []);
    }

    private async Task StageAsync(ServiceTransaction transaction, IReadOnlyList<RegisterRow> rows)
    {
        await transaction.ExecuteAsync(
            """
            CREATE TEMPORARY TABLE register_import (
                line int, national_id_index text, national_id_protected text, name_protected text, phone_protected text, region_code text,
                registered_on date
            ) ON COMMIT DROP
            """);
        await using (var copy = await transaction.Connection.BeginBinaryImportAsync(
            "COPY register_import (line, national_id_index, national_id_protected, name_protected, phone_protected, region_code, registered_on) FROM STDIN (FORMAT BINARY)",
            transaction.CancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(transaction.CancellationToken);
                await copy.WriteAsync(row.Line, NpgsqlDbType.Integer, transaction.CancellationToken);
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
    }

    /// <summary>Lines naming a person whose entry on this register is held in a region the caller does not serve.</summary>
    private static async Task<List<RowError>> HeldElsewhereAsync(ServiceTransaction transaction, ClaimsPrincipal caller, string register)
    {
        var held = await transaction.QueryAsync<(int Line, string RegionCode)>(
            """
            SELECT i.line, e.region_code FROM register_import i
            JOIN register_entries e ON e.register = @register AND e.national_id_index = i.national_id_index
            """, new { register });
        return held.Where(entry => !caller.MayServeRegion(entry.RegionCode))
            .Select(entry => new RowError(entry.Line, "nationalId", HeldByAnotherRegion)).OrderBy(error => error.Line).ToList();
    }

    private static Task<int> MergeAsync(ServiceTransaction transaction, string register, Guid importId, Guid importedBy) =>
        transaction.ExecuteAsync(
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

    private async Task<List<Guid>> DeriveKeyGroupsAsync(ServiceTransaction transaction)
    {
        var seekers = (await transaction.QueryAsync<Guid>(
            "SELECT p.seeker_id FROM profiles p JOIN register_import i ON i.national_id_index = p.national_id_index")).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var seekerId in seekers)
        {
            var profile = (await profiles.FindAsync(transaction, seekerId))!;
            var index = profiles.NationalIdOf(profile) is { } id ? blindIndex.Of(id) : null;
            var statuses = KeyGroupRules.Derive(ProfileStore.DetailsOf(profile), profiles.PersonalOf(profile), await keyGroups.RegistersAsync(transaction, index), today);
            await keyGroups.ApplyDerivedAsync(transaction, seekerId, statuses);
            await announcer.AnnounceAsync(transaction, (await profiles.TouchAsync(transaction, seekerId))!);
        }
        return seekers;
    }
}
