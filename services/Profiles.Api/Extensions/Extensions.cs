using JobMatch.ServiceDefaults;

namespace Profiles.Api;

/// <summary>How the jobseeker-profile service is composed.</summary>
public static class Extensions
{
    /// <summary>
    /// The service's one name: its telemetry service name, queue prefix, database (jobmatch_profiles), migration scope and
    /// gateway cluster all derive from it (ServiceIdentity).
    /// </summary>
    public static readonly ServiceIdentity Identity = new("profiles");
}
