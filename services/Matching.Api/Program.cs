using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Matching.Api;
using Matching.Api.Campaigns;
using Matching.Api.Consumers;
using Matching.Api.Dashboard;
using Matching.Api.Matches;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Api.Taxonomy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(Extensions.Identity);
builder.AddServiceDatabase(Extensions.Identity, typeof(MatchesApi).Assembly);
builder.AddMessaging(Extensions.Identity, bus => bus.AddConsumers(typeof(JobPublishedConsumer).Assembly));
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
