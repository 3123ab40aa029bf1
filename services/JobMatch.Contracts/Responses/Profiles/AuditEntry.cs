namespace JobMatch.Contracts.Responses.Profiles;

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

/// <summary>An employer's read of the seeker's contact details, as the seeker sees it: which organisation, for which job, when.</summary>
public sealed class EmployerContactRead
{
    public Guid? ApplicationId { get; init; }
    public string? Organisation { get; init; }
    public string? PostingTitle { get; init; }
    public string[] Fields { get; init; } = [];
    public DateTime At { get; init; }
}
