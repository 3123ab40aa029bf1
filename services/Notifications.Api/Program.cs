using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Consumers;
using Notifications.Api.Live;
using Notifications.Api.Notifications;
using Notifications.Api.Preferences;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("notification");
builder.AddServiceDatabase("jobmatch_notifications", typeof(NotificationsApi).Assembly);
builder.AddMessaging("notifications", bus => bus.AddConsumers(typeof(MatchesFoundConsumer).Assembly));
builder.AddNotificationsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNotificationsEndpoints();
app.MapPreferencesEndpoints();
app.MapLiveEndpoints();

app.Run();
