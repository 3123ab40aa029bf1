using JobMatch.Contracts.Responses.Notifications;

namespace Portal.Infrastructure;

/// <summary>The notification service through the gateway, typed: the signed-in user's notifications.</summary>
public sealed class NotificationsApi(GatewayClient gateway)
{
    /// <summary>The user's notifications, newest first, written in the page's language.</summary>
    public Task<ApiResult<IReadOnlyList<NotificationResponse>>> MineAsync(string lang) =>
        gateway.GetAsync<IReadOnlyList<NotificationResponse>>($"api/notifications?lang={Language.ApiLanguage(lang)}");

    public Task<ApiResult> MarkReadAsync(Guid id) => gateway.PostAsync($"api/notifications/{id}/read");
}
