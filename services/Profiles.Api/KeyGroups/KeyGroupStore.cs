using System.Text.Json;
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
    public string? FactsProtected { get; init; }
    public Guid? RejectedBy { get; init; }
    public DateTime? RejectedAt { get; init; }
    public string? RedeclaredEvidenceProtected { get; init; }
    public string? RedeclaredFactsProtected { get; init; }
    /// <summary>When the seeker declared new facts for this rejected group (null: nothing new to look at).</summary>
    public DateTime? RedeclaredAt { get; init; }

    /// <summary>Declared (applies, not yet checked), verified, rejected by a caseworker, or not applicable.</summary>
    public string State => RejectedAt is not null ? KeyGroupState.Rejected
        : !Applies ? KeyGroupState.NotApplicable
        : VerifiedAt is not null ? KeyGroupState.Verified
        : KeyGroupState.Declared;
}

/// <summary>The key group's answer record (JobMatch.Contracts.Responses.Profiles, shared with the portal) made from a row.</summary>
public static class KeyGroupResponses
{
    extension(KeyGroupResponse)
    {
        public static KeyGroupResponse From(KeyGroupRow row, string? evidence, IReadOnlyDictionary<string, string>? facts = null) =>
            new(row.KeyGroup, row.Applies, row.Source, row.SetBy, row.SetAt, row.VerifiedBy, row.VerifiedAt, evidence, row.State, facts, row.RejectedAt,
                row.RedeclaredAt);
    }
}

public sealed class KeyGroupStore(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    private const string Columns =
        """
        seeker_id, key_group, applies, evidence_protected, source, set_by, set_at, verified_by, verified_at, facts_protected, rejected_by, rejected_at,
        redeclared_evidence_protected, redeclared_facts_protected, redeclared_at
        """;

    public async Task<IReadOnlyList<KeyGroupRow>> ListAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<KeyGroupRow>(new CommandDefinition(
            $"SELECT {Columns} FROM key_groups WHERE seeker_id = @seekerId ORDER BY key_group", new { seekerId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<KeyGroupRow>> ListAsync(ServiceTransaction transaction, Guid seekerId) =>
        (await transaction.QueryAsync<KeyGroupRow>($"SELECT {Columns} FROM key_groups WHERE seeker_id = @seekerId ORDER BY key_group", new { seekerId })).AsList();

    public string EvidenceOf(KeyGroupRow row) => protector.Unprotect(row.EvidenceProtected);

    /// <summary>The facts a derived group rests on (none for a caseworker's row, or one derived before migration 007).</summary>
    public IReadOnlyDictionary<string, string>? FactsOf(KeyGroupRow row) => Open(row.FactsProtected);

    private Dictionary<string, string>? Open(string? facts) =>
        facts is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(facts));

    private string? Seal(IReadOnlyDictionary<string, string>? facts) => facts is { Count: > 0 } ? protector.Protect(JsonSerializer.Serialize(facts)) : null;

    /// <summary>The group as the seeker or a staff member who asked for the evidence sees it (with any facts re-declared since a rejection).</summary>
    public KeyGroupResponse WithEvidence(KeyGroupRow row) => KeyGroupResponse.From(row, EvidenceOf(row), FactsOf(row)) with
    {
        RedeclaredEvidence = row.RedeclaredEvidenceProtected is null ? null : protector.Unprotect(row.RedeclaredEvidenceProtected),
        RedeclaredFacts = Open(row.RedeclaredFactsProtected),
    };

    /// <summary>Register entries for an ID number (by its blind index).</summary>
    public async Task<IReadOnlyList<RegisterEntry>> RegistersAsync(ServiceTransaction transaction, string? nationalIdIndex) =>
        nationalIdIndex is null
            ? []
            : (await transaction.QueryAsync<(string Register, DateTime RegisteredOn)>(
                "SELECT register, registered_on FROM register_entries WHERE national_id_index = @nationalIdIndex", new { nationalIdIndex }))
            .Select(entry => new RegisterEntry(entry.Register, DateOnly.FromDateTime(entry.RegisteredOn))).ToList();

    /// <summary>
    /// Stores freshly derived statuses. A caseworker's correction stands until a caseworker changes it again; a
    /// verification stands while the derived answer stays the same, and lapses when it flips. A rejection stands too,
    /// but when the seeker now declares facts for the group that differ from those rejected, they are kept beside it as
    /// re-declared, for a caseworker to look at again (<see cref="RedeclareAsync"/>).
    /// </summary>
    public async Task ApplyDerivedAsync(ServiceTransaction transaction, Guid seekerId, IEnumerable<KeyGroupStatus> statuses)
    {
        var rejected = (await ListAsync(transaction, seekerId)).Where(row => row.RejectedAt is not null).ToDictionary(row => row.KeyGroup);
        foreach (var status in statuses)
        {
            if (rejected.TryGetValue(status.KeyGroup, out var row))
            {
                await RedeclareAsync(transaction, row, status);
                continue;
            }
            await transaction.ExecuteAsync(
                """
                INSERT INTO key_groups (seeker_id, key_group, applies, evidence_protected, facts_protected, source, set_by, set_at)
                VALUES (@seekerId, @KeyGroup, @Applies, @Evidence, @Facts, 'derived', @seekerId, now())
                ON CONFLICT (seeker_id, key_group) DO UPDATE SET
                    applies = excluded.applies, evidence_protected = excluded.evidence_protected, facts_protected = excluded.facts_protected,
                    set_by = excluded.set_by, set_at = excluded.set_at,
                    verified_by = CASE WHEN key_groups.applies = excluded.applies THEN key_groups.verified_by END,
                    verified_at = CASE WHEN key_groups.applies = excluded.applies THEN key_groups.verified_at END
                WHERE key_groups.source = 'derived'
                """,
                new { seekerId, status.KeyGroup, status.Applies, Evidence = protector.Protect(status.Evidence), Facts = Seal(status.Facts) });
        }
    }

    /// <summary>
    /// A rejected group as the seeker's facts now stand: facts that would make it apply and differ from those rejected
    /// (and from any re-declared already) are marked re-declared, with their time; facts that no longer make it apply
    /// take the mark away (nothing new to look at). The rejection itself is untouched.
    /// </summary>
    private async Task RedeclareAsync(ServiceTransaction transaction, KeyGroupRow row, KeyGroupStatus status)
    {
        if (!status.Applies)
        {
            if (row.RedeclaredAt is not null) await ClearRedeclaredAsync(transaction, row);
            return;
        }
        var facts = status.Facts ?? new Dictionary<string, string>();
        if (SameFacts(facts, FactsOf(row)) || (row.RedeclaredAt is not null && SameFacts(facts, Open(row.RedeclaredFactsProtected)))) return;
        await transaction.ExecuteAsync(
            """
            UPDATE key_groups SET redeclared_evidence_protected = @Evidence, redeclared_facts_protected = @Facts, redeclared_at = now()
            WHERE seeker_id = @SeekerId AND key_group = @KeyGroup
            """, new { row.SeekerId, row.KeyGroup, Evidence = protector.Protect(status.Evidence), Facts = Seal(facts) });
    }

    private static Task ClearRedeclaredAsync(ServiceTransaction transaction, KeyGroupRow row) =>
        transaction.ExecuteAsync(
            """
            UPDATE key_groups SET redeclared_evidence_protected = NULL, redeclared_facts_protected = NULL, redeclared_at = NULL
            WHERE seeker_id = @SeekerId AND key_group = @KeyGroup
            """, new { row.SeekerId, row.KeyGroup });

    private static bool SameFacts(IReadOnlyDictionary<string, string> facts, IReadOnlyDictionary<string, string>? other) =>
        other is not null && facts.Count == other.Count && facts.All(fact => other.TryGetValue(fact.Key, out var value) && value == fact.Value);

    /// <summary>
    /// A caseworker confirms the status as it stands; for a rejected group re-declared since, confirms the new facts:
    /// the group applies on them, derived again from the seeker's facts, and the rejection is over. False when the seeker
    /// has no such status.
    /// </summary>
    public async Task<bool> VerifyAsync(ServiceTransaction transaction, Guid seekerId, string keyGroup, Guid staffId) =>
        await transaction.ExecuteAsync(
            """
            UPDATE key_groups SET verified_by = @staffId, verified_at = now(),
                applies = applies OR redeclared_at IS NOT NULL,
                source = CASE WHEN redeclared_at IS NOT NULL THEN 'derived' ELSE source END,
                evidence_protected = COALESCE(redeclared_evidence_protected, evidence_protected),
                facts_protected = CASE WHEN redeclared_at IS NOT NULL THEN redeclared_facts_protected ELSE facts_protected END,
                rejected_by = CASE WHEN redeclared_at IS NOT NULL THEN NULL ELSE rejected_by END,
                rejected_at = CASE WHEN redeclared_at IS NOT NULL THEN NULL ELSE rejected_at END,
                redeclared_evidence_protected = NULL, redeclared_facts_protected = NULL, redeclared_at = NULL
            WHERE seeker_id = @seekerId AND key_group = @keyGroup
            """,
            new { seekerId, keyGroup, staffId }) == 1;

    /// <summary>A caseworker sets the status on their own evidence; it is verified by them and no longer re-derived.</summary>
    public Task CorrectAsync(ServiceTransaction transaction, Guid seekerId, string keyGroup, bool applies, string evidence, Guid staffId) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO key_groups (seeker_id, key_group, applies, evidence_protected, source, set_by, set_at, verified_by, verified_at)
            VALUES (@seekerId, @keyGroup, @applies, @Evidence, 'caseworker', @staffId, now(), @staffId, now())
            ON CONFLICT (seeker_id, key_group) DO UPDATE SET
                applies = excluded.applies, evidence_protected = excluded.evidence_protected, source = 'caseworker',
                set_by = excluded.set_by, set_at = excluded.set_at, verified_by = excluded.verified_by, verified_at = excluded.verified_at,
                facts_protected = NULL, rejected_by = NULL, rejected_at = NULL,
                redeclared_evidence_protected = NULL, redeclared_facts_protected = NULL, redeclared_at = NULL
            """,
            new { seekerId, keyGroup, applies, Evidence = protector.Protect(evidence), staffId });

    /// <summary>
    /// A caseworker finds a group that applies (derived or set) false: it no longer applies, the reason is its evidence,
    /// and it is not re-derived until a caseworker corrects it. A rejected group re-declared since may be rejected again:
    /// the re-declared facts become the ones rejected. False when the group does not apply and has nothing re-declared
    /// (nothing to reject).
    /// </summary>
    public async Task<bool> RejectAsync(ServiceTransaction transaction, Guid seekerId, string keyGroup, string reason, Guid staffId) =>
        await transaction.ExecuteAsync(
            """
            UPDATE key_groups SET applies = false, evidence_protected = @Reason, source = 'caseworker', set_by = @staffId, set_at = now(),
                verified_by = NULL, verified_at = NULL, rejected_by = @staffId, rejected_at = now(),
                facts_protected = CASE WHEN redeclared_at IS NOT NULL THEN redeclared_facts_protected ELSE facts_protected END,
                redeclared_evidence_protected = NULL, redeclared_facts_protected = NULL, redeclared_at = NULL
            WHERE seeker_id = @seekerId AND key_group = @keyGroup AND (applies OR redeclared_at IS NOT NULL)
            """,
            new { seekerId, keyGroup, Reason = protector.Protect(reason), staffId }) == 1;
}
