using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Applications;
using JobPostings.Api.FollowUps;
using JobPostings.Api.Postings;
using JobPostings.Api.Screening;
using JobPostings.Api.Search;
using JobPostings.Api.VacancyReports;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("job-posting");
builder.AddServiceDatabase("jobmatch_postings", typeof(PostingsApi).Assembly);
builder.AddMessaging("postings");
builder.AddPostingsServices();
builder.AddApplicationsServices();
builder.AddVacancyReportsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPostingsEndpoints();
app.MapReviewEndpoints();
app.MapSearchEndpoints();
app.MapApplicationsEndpoints();
app.MapFollowUpsEndpoints();
app.MapVacancyReportsEndpoints();

app.Run();
