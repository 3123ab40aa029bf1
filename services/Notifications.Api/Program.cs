using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api;
using Notifications.Api.Consumers;
using Notifications.Api.Live;
using Notifications.Api.Notifications;
using Notifications.Api.Preferences;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(Extensions.Identity);
builder.AddServiceDatabase(Extensions.Identity, typeof(NotificationsApi).Assembly);
builder.AddMessaging(Extensions.Identity, bus => bus.AddConsumers(typeof(MatchesFoundConsumer).Assembly));
builder.AddNotificationsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNotificationsEndpoints();
app.MapPreferencesEndpoints();
app.MapLiveEndpoints();

app.Run();
