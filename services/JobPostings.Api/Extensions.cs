using JobMatch.ServiceDefaults.Auth;
using JobPostings.Api.Complaints;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;

namespace JobPostings.Api;

/// <summary>Composition of the service's screening features: the salary guide, the dry-run check and complaints.</summary>
public static class Extensions
{
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
