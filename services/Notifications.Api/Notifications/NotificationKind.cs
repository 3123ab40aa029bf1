namespace Notifications.Api.Notifications;

public static class NotificationKind
{
    /// <summary>Matching found postings for the seeker (MatchesFound).</summary>
    public const string NewMatches = "new-matches";
}
