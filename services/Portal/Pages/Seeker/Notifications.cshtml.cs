using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

public sealed class NotificationsModel : PortalPage
{
    public ApiResult? Notifications { get; private set; }

    public async Task OnGetAsync() =>
        Notifications = await Api.GetAsync($"api/notifications?lang={(T.Lang == Language.English ? "en" : "zh-CN")}");

    public async Task<IActionResult> OnPostReadAsync(Guid id) =>
        await AfterAsync(await Api.PostAsync($"api/notifications/{id}/read"), "notifications.marked", OnGetAsync);
}
