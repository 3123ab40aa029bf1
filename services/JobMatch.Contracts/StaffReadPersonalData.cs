namespace JobMatch.Contracts;

/// <summary>
/// A member of staff read seekers' data in a service other than the profile service (recommendations, candidates,
/// applications, follow-ups): written in the read's own transaction, so nothing is shown without it, and kept by the
/// profile service in each seeker's audit log. Carries pseudonymous ids, the names of the fields shown and the
/// staff member's reason — never the data read.
/// </summary>
public sealed record StaffReadPersonalData(
    Guid StaffId,
    string StaffRole,
    string Action,
    IReadOnlyList<Guid> SeekerIds,
    IReadOnlyList<string> Fields,
    string Reason,
    DateTimeOffset At);
