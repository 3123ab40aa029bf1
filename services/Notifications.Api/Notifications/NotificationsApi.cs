using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Caching;
using JobMatch.ServiceDefaults.Http;
using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Http.Resilience;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Preferences;

namespace Notifications.Api.Notifications;

public static class NotificationsApi
{
    /// <summary>How long a webhook receiver or the SMS provider may take: each call is a POST, sent once per delivery attempt.</summary>
    private static readonly TimeSpan OutsideCallTimeout = TimeSpan.FromSeconds(10);

    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationStore>();
        builder.Services.AddSingleton(provider => PersonalDataProtector.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PreferencesStore>();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration("Notifications:Delivery");
        // Webhooks connect only to addresses checked at connect time (SSRF), never through a proxy, never redirected.
        // One circuit per receiver: a receiver that is down must not stop the others' webhooks.
        builder.Services.AddHttpClient(nameof(WebhookSender))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    ConnectCallback = (context, cancellationToken) => WebhookAddresses.ConnectAsync(context, options.Value.Webhooks, cancellationToken),
                };
            })
            .AddDefaultResilience(attemptTimeout: OutsideCallTimeout, totalTimeout: OutsideCallTimeout)
            .SelectPipelineByAuthority();
        builder.Services.AddHttpClient(nameof(SmsSender))
            .AddDefaultResilience(attemptTimeout: OutsideCallTimeout, totalTimeout: OutsideCallTimeout);
        builder.Services.AddSingleton<IChannelSender, EmailSender>();
        builder.Services.AddSingleton<IChannelSender, WebhookSender>();
        builder.Services.AddSingleton<IChannelSender, SmsSender>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddSingleton<DigestStore>();
        builder.Services.AddSingleton<DigestWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DigestWorker>());
        builder.AddRedis();
        builder.Services.AddSingleton<LiveUpdates>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Everyone reads only their own notifications: the recipient is the caller, never a parameter.
        var notifications = endpoints.MapApiGroup("/api/notifications", "Notifications", "The user's notifications, listed and live.");
        notifications.MapGet("/", ListMyNotifications)
            .WithName("ListMyNotifications").WithSummary("The signed-in user's notifications, newest first.");
        notifications.MapPost("/{id:guid}/read", MarkRead)
            .WithName("MarkNotificationRead").WithSummary("Mark a notification read.");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<NotificationResponse>>> ListMyNotifications(
        ClaimsPrincipal caller, NotificationStore store, [FromHeader(Name = "Accept-Language")] string? acceptLanguage,
        CancellationToken cancellationToken, bool unreadOnly = false, int limit = 50, string? lang = null)
    {
        var language = NotificationText.LanguageFrom(lang ?? acceptLanguage);
        var rows = await store.ListAsync(Recipients(caller), unreadOnly, Math.Clamp(limit, 1, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NotificationResponse>>(rows.Select(row => NotificationResponse.From(row, language)).ToList());
    }

    public static async Task<Results<NoContent, NotFound>> MarkRead(
        Guid id, ClaimsPrincipal caller, NotificationStore store, CancellationToken cancellationToken) =>
        await store.MarkReadAsync(Recipients(caller), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Whose notifications the caller reads: their own, and an employer user also their organisation's.</summary>
    public static IReadOnlyList<Guid> Recipients(ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Employer) && caller.EmployerId() is { } employer ? [caller.UserId(), employer] : [caller.UserId()];
}
