using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// Everything held about the seeker, as a page a person reads (and, with ?download=true, an HTML file to keep): the
/// profile, consents, applications with their status and cover notes, saved searches, notifications, and every
/// staff read of the profile with its reason.
/// </summary>
public sealed class ExportModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public bool Download { get; set; }

    public JsonNode? Export { get; private set; }
    public IReadOnlyList<JsonNode> Applications { get; private set; } = [];
    public IReadOnlyList<JsonNode> SavedSearches { get; private set; } = [];
    public IReadOnlyList<JsonNode> Notifications { get; private set; } = [];
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync()
    {
        var export = await Api.GetAsync("api/profiles/me/export");
        Export = export.Ok ? export.Body : null;
        Applications = (await Api.GetAsync("api/applications/mine")).Array.OfType<JsonNode>().ToList();
        SavedSearches = (await Api.GetAsync("api/saved-searches")).Array.OfType<JsonNode>().ToList();
        Notifications = (await Api.GetAsync($"api/notifications?lang={Language.ApiLanguage(T.Lang)}")).Array.OfType<JsonNode>().ToList();
        if (Download) Response.Headers.ContentDisposition = "attachment; filename=\"jobmatch-my-data.html\"";
    }
}
