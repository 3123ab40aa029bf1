using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Profiles.Api;
using Profiles.Api.Applicants;
using Profiles.Api.Audit;
using Profiles.Api.Consent;
using Profiles.Api.Import;
using Profiles.Api.Monitoring;
using Profiles.Api.KeyGroups;
using Profiles.Api.Profiles;
using Profiles.Api.SeekerRegister;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(Extensions.Identity);
builder.AddServiceDatabase(Extensions.Identity, typeof(ProfilesApi).Assembly);
builder.AddMessaging(Extensions.Identity, bus => bus.AddConsumers(typeof(FollowUpRecordedConsumer).Assembly));
builder.AddProfilesServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapProfilesEndpoints();
app.MapKeyGroupsEndpoints();
app.MapConsentEndpoints();
app.MapAuditEndpoints();
app.MapImportEndpoints();
app.MapSeekerRegisterEndpoints();
app.MapLabourSupplyEndpoints();
app.MapApplicantsEndpoints();

app.Run();
