using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>The seeker's recommendations, each with its explanation (every field the matching service sends).</summary>
public sealed class RecommendationsModel : PortalPage
{
    public ApiResult? Recommendations { get; private set; }

    public async Task OnGetAsync() => Recommendations = await Api.GetAsync($"api/matches/seekers/{UserId}/recommendations");

    public async Task<IActionResult> OnPostApplyAsync(Guid postingId)
    {
        var result = await Api.PostAsync($"api/postings/{postingId}/applications", new { coverNote = (string?)null });
        return await AfterAsync(result, "search.applied", OnGetAsync);
    }
}
