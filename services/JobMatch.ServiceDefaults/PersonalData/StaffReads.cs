using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.Domain.PersonalData;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;

namespace JobMatch.ServiceDefaults.PersonalData;

/// <summary>
/// Every staff read of a person names its reason and leaves an audit entry: in the profile service directly, in the
/// other services as a <see cref="StaffReadPersonalData"/> event in the read's transaction (outbox), which the profile
/// service writes into each seeker's log.
/// </summary>
public static class StaffReads
{
    /// <summary>The reason a staff read needs: given, real (<see cref="AuditReason.IsReal"/>) and not too long.</summary>
    public static Validation RequireReason(string? reason) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(reason), "reason", "Say why you need this seeker's data (it goes to the audit log).")
            .Require(string.IsNullOrWhiteSpace(reason) || AuditReason.IsReal(reason), "reason",
                "Give a real reason: at least two Chinese characters or four letters or digits (punctuation and spaces do not count).")
            .Require(reason is null || reason.Length <= AuditReason.MaxLength, "reason", $"The reason is at most {AuditReason.MaxLength} characters.");

    public static string RoleOf(ClaimsPrincipal staff) => staff.IsInRole(Roles.Administrator) ? Roles.Administrator : Roles.Caseworker;

    /// <summary>Records that <paramref name="staff"/> was shown <paramref name="fields"/> of each seeker, in this transaction.</summary>
    public static Task RecordAsync(
        ServiceTransaction transaction, ClaimsPrincipal staff, string action, IEnumerable<Guid> seekerIds, IEnumerable<string> fields, string reason)
    {
        var seekers = seekerIds.Distinct().ToList();
        return seekers.Count == 0
            ? Task.CompletedTask
            : transaction.PublishAsync(new StaffReadPersonalData(
                staff.UserId(), RoleOf(staff), action, seekers, fields.ToList(), reason.Trim(), DateTimeOffset.UtcNow));
    }
}
