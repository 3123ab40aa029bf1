using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Health;
using Portal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults(new ServiceIdentity("portal"));
builder.AddDefaultHealthChecks();
builder.AddPortal();

var app = builder.Build();

app.UsePortal();
app.MapHealthEndpoints();
app.MapRazorPages();
app.MapPlaces();

app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
