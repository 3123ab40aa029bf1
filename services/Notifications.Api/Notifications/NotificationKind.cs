namespace Notifications.Api.Notifications;

public static class NotificationKind
{
    /// <summary>Matching found postings for the seeker (MatchesFound).</summary>
    public const string NewMatches = "new-matches";

    /// <summary>Every kind a person can choose channels for.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { NewMatches };
}
