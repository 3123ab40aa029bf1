using JobMatch.Gateway.ApiReference;
using JobMatch.Gateway.DevelopmentIssuer;
using JobMatch.Gateway.Hardening;
using JobMatch.Gateway.RateLimiting;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Health;
using JobMatch.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults(new ServiceIdentity("gateway"));
builder.AddDefaultHealthChecks();
builder.AddDefaultProblemDetails();
builder.AddDefaultAuthentication();
builder.AddGatewayHardening();
builder.AddGatewayRateLimiting();
builder.AddDevelopmentIssuer();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();

app.UseGatewayHardening();
app.UseDefaultMiddleware(afterAuthentication: pipeline => pipeline.UseGatewayRateLimiting());
app.MapHealthEndpoints();
app.MapDevelopmentIssuer();
app.MapGatewayApiReference();
app.MapReverseProxy();

app.Run();
