using JobMatch.ServiceDefaults;

namespace Notifications.Api;

/// <summary>How the notification service is composed.</summary>
public static class Extensions
{
    /// <summary>
    /// The service's one name: its telemetry service name, queue prefix, database (jobmatch_notifications), migration scope and
    /// gateway cluster all derive from it (ServiceIdentity).
    /// </summary>
    public static readonly ServiceIdentity Identity = new("notifications");
}
