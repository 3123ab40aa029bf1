using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// The seeker's recommendations in plain words in the page's language: the skills they have and could learn, how
/// far it is, the pay against what they hope for, and any policy reason. Scores stay with staff; recommendations
/// without a reason the seeker can check are left out (<see cref="Relevance"/>).
/// </summary>
public sealed class RecommendationsModel : PortalPage
{
    public ApiResult? Recommendations { get; private set; }
    public IReadOnlyList<JsonNode> Shown { get; private set; } = [];
    public int LeftOut { get; private set; }
    /// <summary>The seeker's applications by posting: a recommendation already applied to shows where it stands instead.</summary>
    public IReadOnlyDictionary<string, JsonNode> Applied { get; private set; } = new Dictionary<string, JsonNode>();

    public async Task OnGetAsync()
    {
        Recommendations = await Api.GetAsync($"api/matches/seekers/{UserId}/recommendations?lang={(T.Lang == Language.English ? "en" : "zh")}");
        var all = Recommendations.Array.OfType<JsonNode>().ToList();
        Shown = all.Where(Relevance.IsShown).ToList();
        LeftOut = all.Count - Shown.Count;
        if (Shown.Count > 0)
        {
            Applied = (await Api.GetAsync("api/applications/mine")).Array.OfType<JsonNode>()
                .DistinctBy(application => application.Str("postingId")).ToDictionary(application => application.Str("postingId"));
        }
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid postingId)
    {
        var result = await Api.PostAsync($"api/postings/{postingId}/applications", new { coverNote = (string?)null });
        return await AfterAsync(result, "search.applied", OnGetAsync);
    }
}
