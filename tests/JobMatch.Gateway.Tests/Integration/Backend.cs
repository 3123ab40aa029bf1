using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JobMatch.Gateway.Tests.Integration;

/// <summary>A stand-in service on a real port: answers at once, slowly, or by echoing the body's length.</summary>
public sealed class Backend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _bodiesReceived;

    private Backend(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First() + "/");
    public int BodiesReceived => _bodiesReceived;

    public static async Task<Backend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var backend = new Backend(app);
        app.MapGet("/api/postings/echo", () => Results.Ok(new { ok = true }));
        app.MapGet("/api/postings/slow", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            return Results.Ok();
        });
        app.MapPost("/api/postings/body-large", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Ok(new { length = (await reader.ReadToEndAsync()).Length });
        });
        app.MapPost("/api/postings/body", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Interlocked.Increment(ref backend._bodiesReceived);
            return Results.Ok(new { length = body.Length });
        });
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
