using System.Security.Claims;
using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace Profiles.Api.Audit;

/// <summary>One access: who (staff id and role), what (action and fields), whose, when and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public Guid StaffId { get; init; }
    public string StaffRole { get; init; } = "";
    public string Action { get; init; } = "";
    public Guid? SeekerId { get; init; }
    public string[] Fields { get; init; } = [];
    public string Reason { get; init; } = "";
    public DateTime At { get; init; }
}

/// <summary>
/// The append-only record of staff access to seekers' data. Entries are written in the same transaction as the
/// read's or change's effect, so nothing is shown or changed without its entry; the table refuses UPDATE and DELETE.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    /// <summary>One entry per seeker a list showed (register pages, candidates): each person's log names the read.</summary>
    public Task RecordEachAsync(ServiceTransaction transaction, ClaimsPrincipal staff, string action, IEnumerable<Guid> seekerIds, IEnumerable<string> fields, string reason) =>
        RecordEachAsync(transaction, new StaffReadPersonalData(
            staff.UserId(), StaffReads.RoleOf(staff), action, seekerIds.ToList(), fields.ToList(), reason.Trim(), DateTimeOffset.UtcNow));

    /// <summary>A read another service made (<see cref="StaffReadPersonalData"/>), one entry per seeker, at the time it was made.</summary>
    public Task RecordEachAsync(ServiceTransaction transaction, StaffReadPersonalData read) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO audit_log (staff_id, staff_role, action, seeker_id, fields, reason, at)
            SELECT @staffId, @role, @action, seeker_id, @fields, @reason, @at FROM unnest(@seekerIds) AS seeker_id
            """,
            new
            {
                staffId = read.StaffId, role = read.StaffRole, action = read.Action, seekerIds = read.SeekerIds.ToArray(), fields = read.Fields.ToArray(),
                reason = read.Reason, at = read.At.UtcDateTime,
            });

    public Task RecordAsync(ServiceTransaction transaction, ClaimsPrincipal staff, string action, Guid? seekerId, IEnumerable<string> fields, string reason) =>
        transaction.ExecuteAsync(
            "INSERT INTO audit_log (staff_id, staff_role, action, seeker_id, fields, reason) VALUES (@staffId, @role, @action, @seekerId, @fields, @reason)",
            new
            {
                staffId = staff.UserId(),
                role = StaffReads.RoleOf(staff),
                action,
                seekerId,
                fields = fields.ToArray(),
                reason = reason.Trim(),
            });

    private const string SelectForSeeker =
        "SELECT id, staff_id, staff_role, action, seeker_id, fields, reason, at FROM audit_log WHERE seeker_id = @seekerId ORDER BY id";

    public async Task<IReadOnlyList<AuditEntry>> ForSeekerAsync(ServiceTransaction transaction, Guid seekerId) =>
        (await transaction.QueryAsync<AuditEntry>(SelectForSeeker, new { seekerId })).AsList();

    public async Task<IReadOnlyList<AuditEntry>> ForSeekerAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            SelectForSeeker, new { seekerId }, cancellationToken: cancellationToken))).AsList();
    }
}
