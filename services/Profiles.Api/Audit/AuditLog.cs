using System.Security.Claims;
using Dapper;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
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
    public const int MaxReasonLength = 500;

    public Task RecordAsync(ServiceTransaction transaction, ClaimsPrincipal staff, string action, Guid? seekerId, IEnumerable<string> fields, string reason) =>
        transaction.ExecuteAsync(
            "INSERT INTO audit_log (staff_id, staff_role, action, seeker_id, fields, reason) VALUES (@staffId, @role, @action, @seekerId, @fields, @reason)",
            new
            {
                staffId = staff.UserId(),
                role = staff.IsInRole(Roles.Administrator) ? Roles.Administrator : Roles.Caseworker,
                action,
                seekerId,
                fields = fields.ToArray(),
                reason = reason.Trim(),
            });

    public async Task<IReadOnlyList<AuditEntry>> ForSeekerAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            "SELECT id, staff_id, staff_role, action, seeker_id, fields, reason, at FROM audit_log WHERE seeker_id = @seekerId ORDER BY id",
            new { seekerId }, cancellationToken: cancellationToken))).AsList();
    }
}
