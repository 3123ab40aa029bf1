using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>One campaign: progress (the page refreshes itself while it runs), its results to review and send, outcomes.</summary>
public sealed class CampaignModel : PortalPage
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

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
        if (Running) return;
        Results = await Api.GetAsync($"api/matches/campaigns/{id}/results?page={Math.Max(1, PageNumber)}&pageSize={PageSize}");
        Outcomes = await Api.GetAsync($"api/matches/campaigns/{id}/outcomes");
    }

    public async Task<IActionResult> OnPostSendAsync(List<string> resultIds) =>
        await AfterAsync(await Api.PostAsync($"api/matches/campaigns/{Uri.EscapeDataString(Id)}/send", new { resultIds }), "campaign.sent", OnGetAsync,
            new { Id, p = PageNumber });

    public double Progress => Campaign?.Body.Num("totalItems") is { } total && total > 0 ? (Campaign.Body.Num("completedItems") ?? 0) / total : 0;
}
