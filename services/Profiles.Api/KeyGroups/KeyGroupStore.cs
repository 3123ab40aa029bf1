using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace Profiles.Api.KeyGroups;

/// <summary>Key-group statuses as stored: evidence sealed (it may name military service or a disability).</summary>
public sealed class KeyGroupRow
{
    public Guid SeekerId { get; init; }
    public string KeyGroup { get; init; } = "";
    public bool Applies { get; init; }
    public string EvidenceProtected { get; init; } = "";
    public string Source { get; init; } = "";
    public Guid SetBy { get; init; }
    public DateTime SetAt { get; init; }
    public Guid? VerifiedBy { get; init; }
    public DateTime? VerifiedAt { get; init; }
}

/// <summary>A key group as shown: evidence opened only for the seeker and for staff who asked to see it (audited).</summary>
public sealed record KeyGroupResponse(
    string KeyGroup, bool Applies, string Source, Guid SetBy, DateTime SetAt, Guid? VerifiedBy, DateTime? VerifiedAt, string? Evidence)
{
    public static KeyGroupResponse From(KeyGroupRow row, string? evidence) =>
        new(row.KeyGroup, row.Applies, row.Source, row.SetBy, row.SetAt, row.VerifiedBy, row.VerifiedAt, evidence);
}

public sealed class KeyGroupStore(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    private const string Columns = "seeker_id, key_group, applies, evidence_protected, source, set_by, set_at, verified_by, verified_at";

    public async Task<IReadOnlyList<KeyGroupRow>> ListAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<KeyGroupRow>(new CommandDefinition(
            $"SELECT {Columns} FROM key_groups WHERE seeker_id = @seekerId ORDER BY key_group", new { seekerId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<KeyGroupRow>> ListAsync(ServiceTransaction transaction, Guid seekerId) =>
        (await transaction.QueryAsync<KeyGroupRow>($"SELECT {Columns} FROM key_groups WHERE seeker_id = @seekerId ORDER BY key_group", new { seekerId })).AsList();

    public string EvidenceOf(KeyGroupRow row) => protector.Unprotect(row.EvidenceProtected);

    /// <summary>Register entries for an ID number (by its blind index).</summary>
    public async Task<IReadOnlyList<RegisterEntry>> RegistersAsync(ServiceTransaction transaction, string? nationalIdIndex) =>
        nationalIdIndex is null
            ? []
            : (await transaction.QueryAsync<(string Register, DateTime RegisteredOn)>(
                "SELECT register, registered_on FROM register_entries WHERE national_id_index = @nationalIdIndex", new { nationalIdIndex }))
            .Select(entry => new RegisterEntry(entry.Register, DateOnly.FromDateTime(entry.RegisteredOn))).ToList();

    /// <summary>
    /// Stores freshly derived statuses. A caseworker's correction stands until a caseworker changes it again; a
    /// verification stands while the derived answer stays the same, and lapses when it flips.
    /// </summary>
    public async Task ApplyDerivedAsync(ServiceTransaction transaction, Guid seekerId, IEnumerable<KeyGroupStatus> statuses)
    {
        foreach (var status in statuses)
        {
            await transaction.ExecuteAsync(
                """
                INSERT INTO key_groups (seeker_id, key_group, applies, evidence_protected, source, set_by, set_at)
                VALUES (@seekerId, @KeyGroup, @Applies, @Evidence, 'derived', @seekerId, now())
                ON CONFLICT (seeker_id, key_group) DO UPDATE SET
                    applies = excluded.applies, evidence_protected = excluded.evidence_protected, set_by = excluded.set_by, set_at = excluded.set_at,
                    verified_by = CASE WHEN key_groups.applies = excluded.applies THEN key_groups.verified_by END,
                    verified_at = CASE WHEN key_groups.applies = excluded.applies THEN key_groups.verified_at END
                WHERE key_groups.source = 'derived'
                """,
                new { seekerId, status.KeyGroup, status.Applies, Evidence = protector.Protect(status.Evidence) });
        }
    }

    /// <summary>A caseworker confirms the status as it stands; false when the seeker has no such status.</summary>
    public async Task<bool> VerifyAsync(ServiceTransaction transaction, Guid seekerId, string keyGroup, Guid staffId) =>
        await transaction.ExecuteAsync(
            "UPDATE key_groups SET verified_by = @staffId, verified_at = now() WHERE seeker_id = @seekerId AND key_group = @keyGroup",
            new { seekerId, keyGroup, staffId }) == 1;

    /// <summary>A caseworker sets the status on their own evidence; it is verified by them and no longer re-derived.</summary>
    public Task CorrectAsync(ServiceTransaction transaction, Guid seekerId, string keyGroup, bool applies, string evidence, Guid staffId) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO key_groups (seeker_id, key_group, applies, evidence_protected, source, set_by, set_at, verified_by, verified_at)
            VALUES (@seekerId, @keyGroup, @applies, @Evidence, 'caseworker', @staffId, now(), @staffId, now())
            ON CONFLICT (seeker_id, key_group) DO UPDATE SET
                applies = excluded.applies, evidence_protected = excluded.evidence_protected, source = 'caseworker',
                set_by = excluded.set_by, set_at = excluded.set_at, verified_by = excluded.verified_by, verified_at = excluded.verified_at
            """,
            new { seekerId, keyGroup, applies, Evidence = protector.Protect(evidence), staffId });
}
