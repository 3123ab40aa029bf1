using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifications.Api.Delivery;

namespace Notifications.Api.Preferences;

public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Everyone sets only their own: the person is the caller.
        var preferences = endpoints.MapApiGroup("/api/notifications/preferences", "Notification preferences", "How each user is told: channels, contact points, digests and what was delivered.");
        preferences.MapGet("/", GetMyPreferences)
            .WithName("GetMyNotificationPreferences").WithSummary("How the signed-in user wants to be told: channels, contact points, digest.");
        preferences.MapPut("/", SaveMyPreferences)
            .WithName("SaveMyNotificationPreferences").WithSummary("Save how the signed-in user wants to be told.");
        var deliveries = endpoints.MapApiGroup("/api/notifications/deliveries", "Notification preferences", "How each user is told: channels, contact points, digests and what was delivered.");
        deliveries.MapGet("/", ListMyDeliveries)
            .WithName("ListMyDeliveries").WithSummary("The caller's deliveries on outside channels, failed ones with their reason.");
        return endpoints;
    }

    public static async Task<Ok<PreferencesResponse>> GetMyPreferences(
        ClaimsPrincipal caller, PreferencesStore store, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(caller.UserId(), cancellationToken);
        return TypedResults.Ok(row is null ? PreferencesResponse.Default() : PreferencesResponse.From(row, protector));
    }

    public static async Task<Results<Ok<PreferencesResponse>, ValidationProblem>> SaveMyPreferences(
        PreferencesRequest request, ClaimsPrincipal caller, PreferencesStore store, PersonalDataProtector protector,
        Transactions transactions, IOptions<DeliveryOptions> options, CancellationToken cancellationToken)
    {
        var validation = request.Validate(options.Value.RequireHttpsWebhooks);
        if (validation.IsValid && request.WebhookUrl is { } url
            && await WebhookAddresses.RefusalAsync(url, options.Value.RequireHttpsWebhooks, options.Value.Webhooks, cancellationToken) is { } refusal)
        {
            validation.Add("webhookUrl", refusal);
        }

        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var (row, secret) = await transactions.RunAsync(transaction => store.SaveAsync(transaction, caller.UserId(), request), cancellationToken);
        return TypedResults.Ok(PreferencesResponse.From(row, protector, secret));
    }

    /// <summary>The caller's deliveries on outside channels, failed ones included with their reason.</summary>
    public static async Task<Ok<IReadOnlyList<DeliveryResponse>>> ListMyDeliveries(
        ClaimsPrincipal caller, DeliveryStore deliveries, CancellationToken cancellationToken, string? status = null, int limit = 50)
    {
        var rows = await deliveries.ListAsync(caller.UserId(), status, Math.Clamp(limit, 1, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DeliveryResponse>>(rows.Select(DeliveryResponse.From).ToList());
    }
}
