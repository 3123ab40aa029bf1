using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

public sealed class ApplicationsModel : PortalPage
{
    public ApiResult? Applications { get; private set; }

    public async Task OnGetAsync() => Applications = await Api.GetAsync("api/applications/mine");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/withdraw"), "applications.withdrawn", OnGetAsync);
}
