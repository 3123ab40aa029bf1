namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>Everything JobMatch's profile service holds about a seeker, for them to take away.</summary>
public sealed record ProfileExport(
    ProfileResponse Profile,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<AuditEntry> StaffAccess,
    DateTime ExportedAt);
