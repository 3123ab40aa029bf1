using JobMatch.ServiceDefaults;

namespace Matching.Api;

/// <summary>How the matching service is composed.</summary>
public static class Extensions
{
    /// <summary>
    /// The service's one name: its telemetry service name, queue prefix, database (jobmatch_matching), migration scope and
    /// gateway cluster all derive from it (ServiceIdentity).
    /// </summary>
    public static readonly ServiceIdentity Identity = new("matching");
}
