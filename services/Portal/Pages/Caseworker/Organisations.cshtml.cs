using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>The verification queue: organisations of the caseworker's regions waiting, each decided with a reason.</summary>
public sealed class OrganisationsModel : PortalPage
{
    public static readonly string[] Decisions = ["verified", "needsInformation", "rejected"];

    public ApiResult? Queue { get; private set; }

    public async Task OnGetAsync() => Queue = await Api.GetAsync("api/organisations/verification");

    public async Task<IActionResult> OnPostAsync(Guid id, string? status, string? reason)
    {
        var result = await Api.PostAsync($"api/organisations/{id}/decision", new { status, reason });
        return await AfterAsync(result, "verify.decided", OnGetAsync);
    }
}
