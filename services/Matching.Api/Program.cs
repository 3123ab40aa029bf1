using MassTransit;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.Campaigns;
using Matching.Api.Consumers;
using Matching.Api.Dashboard;
using Matching.Api.Matches;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Api.Taxonomy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("matching");
builder.AddServiceDatabase("jobmatch_matching", typeof(MatchesApi).Assembly);
builder.AddMessaging("matching", bus => bus.AddConsumers(typeof(JobPublishedConsumer).Assembly));
builder.AddMatchingServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMatchesEndpoints();
app.MapCampaignsEndpoints();
app.MapTaxonomyEndpoints();
app.MapPolicyEndpoints();
app.MapModelsEndpoints();
app.MapDashboardEndpoints();

app.Run();
