using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobPostings.Api.Complaints;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;

namespace JobPostings.Api;

/// <summary>How the job-posting service is composed.</summary>
public static class Extensions
{
    /// <summary>
    /// The service's one name: its telemetry service name, queue prefix, database (jobmatch_postings), migration scope and
    /// gateway cluster all derive from it (ServiceIdentity).
    /// </summary>
    public static readonly ServiceIdentity Identity = new("postings");

    /// <summary>The screening features: the salary guide, the dry-run check and complaints.</summary>
    public static IHostApplicationBuilder AddScreeningServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SalaryGuideOptions>().BindConfiguration("Postings:SalaryGuide");
        builder.Services.AddSingleton<SalaryGuideStore>();
        builder.Services.AddHostedService<SalaryGuideRefresh>();
        builder.Services.AddSingleton<ComplaintStore>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ScreeningApi.PreviewPolicy, policy =>
            policy.RequireRole(Roles.Employer, Roles.Caseworker, Roles.Administrator));
        return builder;
    }
}
