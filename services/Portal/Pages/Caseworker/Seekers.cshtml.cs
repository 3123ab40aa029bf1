using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// A seeker of the caseworker's regions, looked up by id with a reason (the read is audited), with their
/// recommendations. The profile service has no listing of a region's seekers yet, so there is no list here.
/// </summary>
public sealed class SeekersModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid? SeekerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public ApiResult? Profile { get; private set; }
    public ApiResult? Recommendations { get; private set; }

    public async Task OnGetAsync()
    {
        if (SeekerId is not { } id) return;
        Profile = await Api.GetAsync($"api/profiles/{id}?reason={Uri.EscapeDataString(Reason ?? "")}");
        if (!Profile.Ok)
        {
            Problem = Profile;
            return;
        }
        Recommendations = await Api.GetAsync($"api/matches/seekers/{id}/recommendations?lang={(T.Lang == Language.English ? "en" : "zh")}");
    }
}
