using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.PersonalData;
using JobPostings.Api.Complaints;
using JobPostings.Api.Organisations;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;
using JobPostings.Api.Search;

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

    /// <summary>
    /// Employer organisations: their contact details are personal data, sealed with the keys the other services' personal
    /// data uses (PersonalData:*), the contact phone also kept as a blind index for the abnormal-account list.
    /// </summary>
    public static IHostApplicationBuilder AddOrganisationsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => PersonalDataProtector.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(provider => BlindIndex.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<OrganisationStore>();
        return builder;
    }

    /// <summary>
    /// The job board's search (decision 064): an in-process Lucene index of the live postings, loaded at start and kept
    /// current from the postings' change feed; the instance is not ready until it is loaded, nor while it lags.
    /// </summary>
    public static IHostApplicationBuilder AddSearchServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddSingleton<SearchIndexFeed>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SearchIndexFeed>());
        builder.Services.AddSingleton<IndexedSearch>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexFeed>("search-index", tags: [JobMatch.ServiceDefaults.Health.HealthExtensions.ReadyTag]);
        return builder;
    }
}
