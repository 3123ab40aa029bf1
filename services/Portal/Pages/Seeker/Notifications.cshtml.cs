using JobMatch.Contracts.Responses.Notifications;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

public sealed class NotificationsModel : PortalPage
{
    public IReadOnlyList<NotificationResponse> Notifications { get; private set; } = [];

    public async Task OnGetAsync() => Notifications = (await NotificationsApi.MineAsync(T.Lang)).Value ?? [];

    public async Task<IActionResult> OnPostReadAsync(Guid id) =>
        await AfterAsync(await NotificationsApi.MarkReadAsync(id), "notifications.marked", OnGetAsync);
}
