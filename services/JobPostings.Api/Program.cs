using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api;
using JobPostings.Api.Applications;
using JobPostings.Api.Complaints;
using JobPostings.Api.FollowUps;
using JobPostings.Api.LayoffReports;
using JobPostings.Api.Monitoring;
using JobPostings.Api.Organisations;
using JobPostings.Api.Postings;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.SavedSearches;
using JobPostings.Api.Screening;
using JobPostings.Api.Search;
using JobPostings.Api.VacancyReports;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(Extensions.Identity);
builder.AddServiceDatabase(Extensions.Identity, typeof(PostingsApi).Assembly);
builder.AddMessaging(Extensions.Identity, bus => bus.AddConsumer<SeekerDeletedConsumer>());
builder.AddPostingsServices();
builder.AddSearchServices();
builder.AddOrganisationsServices();
builder.AddScreeningServices();
builder.AddApplicationsServices();
builder.AddVacancyReportsServices();
builder.AddSavedSearchesServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPostingsEndpoints();
app.MapOrganisationsEndpoints();
app.MapAbnormalAccountsEndpoints();
app.MapReviewEndpoints();
app.MapScreeningEndpoints();
app.MapSalaryGuideEndpoints();
app.MapComplaintsEndpoints();
app.MapSearchEndpoints();
app.MapApplicationsEndpoints();
app.MapInterviewsEndpoints();
app.MapContactRequestsEndpoints();
app.MapFollowUpsEndpoints();
app.MapVacancyReportsEndpoints();
app.MapLayoffReportsEndpoints();
app.MapLabourDemandEndpoints();
app.MapSavedSearchesEndpoints();

app.Run();
