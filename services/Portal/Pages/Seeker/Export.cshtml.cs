using JobMatch.Contracts.Responses.Notifications;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;
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

    public ProfileExport? Export { get; private set; }
    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];
    public IReadOnlyList<SavedSearchResponse> SavedSearches { get; private set; } = [];
    public IReadOnlyList<NotificationResponse> Notifications { get; private set; } = [];
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync()
    {
        Export = (await ProfilesApi.ExportAsync()).Value;
        Applications = (await PostingsApi.MyApplicationsAsync()).Value ?? [];
        SavedSearches = (await PostingsApi.SavedSearchesAsync()).Value ?? [];
        Notifications = (await NotificationsApi.MineAsync(T.Lang)).Value ?? [];
        if (Download) Response.Headers.ContentDisposition = "attachment; filename=\"jobmatch-my-data.html\"";
    }
}
