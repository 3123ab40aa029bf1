using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>One campaign: progress (the page refreshes itself while it runs), its results to review and send, outcomes.</summary>
public sealed class CampaignModel : PortalPage
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>?refresh=off stops the automatic reload (WCAG 2.2.1: the user can turn timing off).</summary>
    [BindProperty(SupportsGet = true, Name = "refresh")] public string? Refresh { get; set; }

    public bool AutoRefresh => Running && Refresh != "off";

    public ApiResult? Campaign { get; private set; }
    public ApiResult? Results { get; private set; }
    public ApiResult? Outcomes { get; private set; }

    /// <summary>Still matching: the page asks the browser to reload it (meta refresh, no script).</summary>
    public bool Running => Campaign is { Ok: true } && Campaign.Body.Str("completedAt") is "" or "null"
        && Campaign.Body.Str("status") is not ("completed" or "failed" or "cancelled" or "done");

    public async Task OnGetAsync()
    {
        var id = Uri.EscapeDataString(Id);
        Campaign = await Api.GetAsync($"api/matches/campaigns/{id}");
        if (!Campaign.Ok)
        {
            Problem = Campaign;
            return;
        }
        if (Running)
        {
            // The HTTP Refresh header reloads the page while the campaign runs, without script; a link turns it off.
            if (AutoRefresh) Response.Headers["Refresh"] = "3";
            return;
        }
        Results = await Api.GetAsync($"api/matches/campaigns/{id}/results?page={Math.Max(1, PageNumber)}&pageSize={PageSize}");
        Outcomes = await Api.GetAsync($"api/matches/campaigns/{id}/outcomes");
    }

    public async Task<IActionResult> OnPostSendAsync(List<string> resultIds) =>
        await AfterAsync(await Api.PostAsync($"api/matches/campaigns/{Uri.EscapeDataString(Id)}/send", new { resultIds }), "campaign.sent", OnGetAsync,
            new { id = Id, p = PageNumber });

    public double Progress => Campaign?.Body.Num("totalItems") is { } total && total > 0 ? (Campaign.Body.Num("completedItems") ?? 0) / total : 0;
}
