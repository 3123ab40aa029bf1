using JobMatch.Gateway.DevelopmentIssuer;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Health;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging("gateway");
builder.AddDefaultTelemetry("gateway");
builder.AddDefaultHealthChecks();
builder.AddDefaultProblemDetails();
builder.AddDefaultAuthentication();
builder.AddDevelopmentIssuer();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();

app.UseDefaultMiddleware();
app.MapHealthEndpoints();
app.MapDevelopmentIssuer();
app.MapReverseProxy();

app.Run();
