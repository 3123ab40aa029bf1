using JobMatch.Contracts.Responses.Matching;
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
    public Dictionary<Guid, (string Name, string Place)> People { get; } = [];

    /// <summary>?refresh=off stops the automatic reload (WCAG 2.2.1: the user can turn timing off).</summary>
    [BindProperty(SupportsGet = true, Name = "refresh")] public string? Refresh { get; set; }

    public bool AutoRefresh => Running && Refresh != "off";

    public ApiResult<CampaignResponse>? Campaign { get; private set; }
    public CampaignResultsPage? Results { get; private set; }
    public CampaignOutcomes? Outcomes { get; private set; }
    public CampaignUnmatchedPage? Unmatched { get; private set; }

    /// <summary>Still matching: the page asks the browser to reload it (meta refresh, no script).</summary>
    public bool Running => Campaign?.Value is { CompletedAt: null } campaign
        && campaign.Status is not ("completed" or "failed" or "cancelled" or "done");

    public async Task OnGetAsync()
    {
        Campaign = await MatchingApi.CampaignAsync(Id);
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
        Outcomes = (await MatchingApi.CampaignOutcomesAsync(Id)).Value;
        if (string.IsNullOrWhiteSpace(Reason)) return;
        var results = (await MatchingApi.CampaignResultsAsync(Id, Math.Max(1, PageNumber), PageSize)).Value;
        var unmatched = (await MatchingApi.CampaignUnmatchedAsync(Id, Math.Max(1, UnmatchedPage), UnmatchedPageSize)).Value;
        if (results is null) return;
        // The people of both lists in one register read: one audit entry each, as for the results alone.
        var seekers = results.Items.Select(item => item.SeekerId).Concat(unmatched?.Items.Select(item => item.SeekerId) ?? []).Distinct().ToList();
        if (seekers.Count > 0)
        {
            var people = await ProfilesApi.RegisterAsync($"reason={Uri.EscapeDataString(Reason)}&limit={seekers.Count}"
                + string.Concat(seekers.Select(seeker => $"&seekerId={seeker}")));
            if (people.Value is not { } found)
            {
                Problem ??= people;
                return;
            }
            foreach (var person in found.Seekers) People[person.SeekerId] = (person.Name, person.Place);
        }
        Results = results;
        Unmatched = unmatched;
    }

    /// <summary>This page's address with another page of results or of seekers without a match.</summary>
    public string Link(int resultsPage, int unmatchedPage, string anchor) =>
        $"/Caseworker/Campaign?id={Uri.EscapeDataString(Id)}&reason={Uri.EscapeDataString(Reason ?? "")}&p={resultsPage}"
        + (unmatchedPage > 1 ? $"&u={unmatchedPage}" : "") + "#" + anchor;

    public async Task<IActionResult> OnPostSendAsync(List<string> resultIds) =>
        await AfterAsync(await MatchingApi.SendCampaignResultsAsync(Id, resultIds), "campaign.sent", OnGetAsync,
            new { id = Id, p = PageNumber, u = UnmatchedPage > 1 ? UnmatchedPage : (int?)null, reason = Reason });

    public double Progress => Campaign?.Value is { TotalItems: > 0 } campaign ? (double)campaign.CompletedItems / campaign.TotalItems : 0;

    /// <summary>The outcomes as the chart shows them, each under its resources key (outcome.sent …), in the order a result goes.</summary>
    public IReadOnlyList<(string Key, double Value)> OutcomeBars => Outcomes is not { } o ? [] :
        [("sent", o.Sent), ("seekersReached", o.SeekersReached), ("applied", o.Applied), ("interviews", o.Interviews), ("offers", o.Offers),
            ("hired", o.Hired), ("retained", o.Retained)];
}
