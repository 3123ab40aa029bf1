namespace Notifications.Api.Notifications;

public static class NotificationKind
{
    /// <summary>Matching found postings for the seeker (MatchesFound).</summary>
    public const string NewMatches = "new-matches";

    /// <summary>An employer moved the seeker's application on (ApplicationStatusChanged).</summary>
    public const string ApplicationStatus = "application-status";

    /// <summary>Screening or review decided about an employer's posting, or it expired (PostingStatusChanged).</summary>
    public const string PostingStatus = "posting-status";

    /// <summary>Every kind a person can choose channels for.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { NewMatches, ApplicationStatus, PostingStatus };
}
