using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// One campaign: progress (the page refreshes itself while it runs), its results to review and send, outcomes, and the
/// eligible seekers it found no match for, with why, for the caseworker to call.
/// </summary>
public sealed class CampaignModel : PortalPage
{
    public const int PageSize = 25;

    /// <summary>Seekers without a match a page; with a page of results they stay within one register read (100).</summary>
    public const int UnmatchedPageSize = 50;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "u")] public int UnmatchedPage { get; set; } = 1;

    /// <summary>Why the caseworker reads the people of the results (the register's audit entry for each of them).</summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    /// <summary>The people of this page of results, by seeker id: name and place, from the register (audited).</summary>
    public Dictionary<string, (string Name, string Place)> People { get; } = new(StringComparer.Ordinal);

    /// <summary>?refresh=off stops the automatic reload (WCAG 2.2.1: the user can turn timing off).</summary>
    [BindProperty(SupportsGet = true, Name = "refresh")] public string? Refresh { get; set; }

    public bool AutoRefresh => Running && Refresh != "off";

    public ApiResult? Campaign { get; private set; }
    public ApiResult? Results { get; private set; }
    public ApiResult? Outcomes { get; private set; }
    public ApiResult? Unmatched { get; private set; }

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
        Outcomes = await Api.GetAsync($"api/matches/campaigns/{id}/outcomes");
        if (string.IsNullOrWhiteSpace(Reason)) return;
        var results = await Api.GetAsync($"api/matches/campaigns/{id}/results?page={Math.Max(1, PageNumber)}&pageSize={PageSize}");
        var unmatched = await Api.GetAsync($"api/matches/campaigns/{id}/unmatched?page={Math.Max(1, UnmatchedPage)}&pageSize={UnmatchedPageSize}");
        if (!results.Ok) return;
        // The people of both lists in one register read: one audit entry each, as for the results alone.
        var seekers = results.Body.Items("items").Concat(unmatched.Ok ? unmatched.Body.Items("items") : [])
            .Select(item => item.Str("seekerId")).Distinct().ToList();
        if (seekers.Count > 0)
        {
            var people = await Api.GetAsync($"api/profiles/seekers?reason={Uri.EscapeDataString(Reason)}&limit={seekers.Count}"
                + string.Concat(seekers.Select(seeker => "&seekerId=" + Uri.EscapeDataString(seeker))));
            if (!people.Ok)
            {
                Problem ??= people;
                return;
            }
            foreach (var person in people.Body.Items("seekers")) People[person.Str("seekerId")] = (person.Str("name"), person.Str("place"));
        }
        Results = results;
        Unmatched = unmatched.Ok ? unmatched : null;
    }

    /// <summary>This page's address with another page of results or of seekers without a match.</summary>
    public string Link(int resultsPage, int unmatchedPage, string anchor) =>
        $"/Caseworker/Campaign?id={Uri.EscapeDataString(Id)}&reason={Uri.EscapeDataString(Reason ?? "")}&p={resultsPage}"
        + (unmatchedPage > 1 ? $"&u={unmatchedPage}" : "") + "#" + anchor;

    public async Task<IActionResult> OnPostSendAsync(List<string> resultIds) =>
        await AfterAsync(await Api.PostAsync($"api/matches/campaigns/{Uri.EscapeDataString(Id)}/send", new { resultIds }), "campaign.sent", OnGetAsync,
            new { id = Id, p = PageNumber, u = UnmatchedPage > 1 ? UnmatchedPage : (int?)null, reason = Reason });

    public double Progress => Campaign?.Body.Num("totalItems") is { } total && total > 0 ? (Campaign.Body.Num("completedItems") ?? 0) / total : 0;
}
