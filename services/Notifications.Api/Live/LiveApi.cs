using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;
using Notifications.Api.Notifications;

namespace Notifications.Api.Live;

public static class LiveApi
{
    /// <summary>Comment lines keep proxies (and the gateway's activity timeout) from closing an idle stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LateCommitWindow = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/api/notifications/stream", "Notifications", "The user's notifications, listed and live.").MapGet("/", Stream)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithName("StreamNotifications").WithSummary("New notifications as they arrive (server-sent events).");
        return endpoints;
    }

    /// <summary>
    /// Server-sent events: each new notification of the caller as an "notification" event (id = notification id),
    /// from the moment of connecting, or after Last-Event-ID when a browser reconnects.
    /// </summary>
    public static async Task Stream(HttpContext context, ClaimsPrincipal caller, NotificationStore store, LiveUpdates live,
        [FromHeader(Name = "Last-Event-ID")] Guid? lastEventId, [FromHeader(Name = "Accept-Language")] string? acceptLanguage, string? lang = null)
    {
        var cancellationToken = context.RequestAborted;
        var language = NotificationText.LanguageFrom(lang ?? acceptLanguage);
        var recipients = NotificationsApi.Recipients(caller);
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        await using var subscription = await live.SubscribeAsync(recipients, () => wake.Writer.TryWrite(true));

        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": connected\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);

        var since = lastEventId is { } last ? await store.CreatedAtAsync(recipients, last, cancellationToken) ?? DateTime.UtcNow : DateTime.UtcNow;
        // created_at is when a transaction began, not when it committed: a notification can become visible after a
        // later one was sent. Re-read a window behind the cursor and skip what was already sent.
        var sent = new Queue<Guid>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var row in await store.ListSinceAsync(recipients, since - LateCommitWindow, cancellationToken))
                {
                    if (sent.Contains(row.Id)) continue;
                    var payload = JsonSerializer.Serialize(NotificationResponse.From(row, language), Json);
                    await context.Response.WriteAsync($"id: {row.Id}\nevent: notification\ndata: {payload}\n\n", cancellationToken);
                    sent.Enqueue(row.Id);
                    if (sent.Count > 500) sent.Dequeue();
                    if (row.CreatedAt > since) since = row.CreatedAt;
                }
                await context.Response.Body.FlushAsync(cancellationToken);
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(Heartbeat);
                try
                {
                    await wake.Reader.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
