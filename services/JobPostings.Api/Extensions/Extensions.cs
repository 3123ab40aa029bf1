using JobMatch.ServiceDefaults;

namespace JobPostings.Api;

/// <summary>How the job-posting service is composed.</summary>
public static partial class Extensions
{
    /// <summary>
    /// The service's one name: its telemetry service name, queue prefix, database (jobmatch_postings), migration scope and
    /// gateway cluster all derive from it (ServiceIdentity).
    /// </summary>
    public static readonly ServiceIdentity Identity = new("postings");
}
