using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Postings;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("job-posting");
builder.AddServiceDatabase("jobmatch_postings", typeof(PostingsApi).Assembly);
builder.AddMessaging("postings");
builder.AddPostingsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPostingsEndpoints();

app.Run();
