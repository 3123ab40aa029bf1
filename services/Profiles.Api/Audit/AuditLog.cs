using System.Security.Claims;
using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace Profiles.Api.Audit;

/// <summary>One card with contact details an employer read: which application, whose, which fields.</summary>
public sealed record ContactRead(Guid ApplicationId, Guid SeekerId, IReadOnlyList<string> Fields);

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

    /// <summary>
    /// Employers' reads of applicants' contact details (name, phone, the profile under consent): one entry per card,
    /// naming the application, so the seeker reads which organisation read it for which job, and when.
    /// </summary>
    public Task RecordContactReadsAsync(ServiceTransaction transaction, ClaimsPrincipal employer, IEnumerable<ContactRead> reads)
    {
        var list = reads.ToList();
        if (list.Count == 0) return Task.CompletedTask;
        return transaction.ExecuteAsync(
            """
            INSERT INTO audit_log (staff_id, staff_role, action, seeker_id, fields, reason, application_id)
            SELECT @employerUser, 'employer', @action, read.seeker_id, string_to_array(read.fields, ','), '', read.application_id
            FROM unnest(@applicationIds, @seekerIds, @fields) AS read (application_id, seeker_id, fields)
            """,
            new
            {
                employerUser = employer.UserId(), action = Applicants.ApplicantsApi.ContactReadAction,
                applicationIds = list.Select(read => read.ApplicationId).ToArray(), seekerIds = list.Select(read => read.SeekerId).ToArray(),
                fields = list.Select(read => string.Join(',', read.Fields)).ToArray(),
            });
    }

    /// <summary>The seeker's own view of employers' reads of their contact details, newest first.</summary>
    public async Task<IReadOnlyList<EmployerContactRead>> ContactReadsOfAsync(Guid seekerId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<EmployerContactRead>(new CommandDefinition(
            """
            SELECT l.application_id, a.employer_name AS organisation, a.posting_title, l.fields, l.at
            FROM audit_log l LEFT JOIN applicants a ON a.application_id = l.application_id
            WHERE l.seeker_id = @seekerId AND l.action = @action ORDER BY l.at DESC, l.id DESC LIMIT @limit
            """, new { seekerId, action = Applicants.ApplicantsApi.ContactReadAction, limit }, cancellationToken: cancellationToken))).AsList();
    }

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
