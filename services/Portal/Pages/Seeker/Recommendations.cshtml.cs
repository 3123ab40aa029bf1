using JobMatch.Contracts.Responses.Matching;
using JobMatch.Contracts.Responses.Postings;
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
    public ApiResult<IReadOnlyList<RecommendationResponse>>? Recommendations { get; private set; }
    public IReadOnlyList<RecommendationResponse> Shown { get; private set; } = [];
    public int LeftOut { get; private set; }
    /// <summary>The seeker's applications by posting: a recommendation already applied to shows where it stands instead.</summary>
    public IReadOnlyDictionary<Guid, ApplicationResponse> Applied { get; private set; } = new Dictionary<Guid, ApplicationResponse>();

    public async Task OnGetAsync()
    {
        Recommendations = await MatchingApi.RecommendationsAsync(Guid.Parse(UserId), T.Lang);
        var all = Recommendations.Value ?? [];
        Shown = all.Where(Relevance.IsShown).ToList();
        LeftOut = all.Count - Shown.Count;
        if (Shown.Count > 0)
        {
            Applied = ((await PostingsApi.MyApplicationsAsync()).Value ?? [])
                .DistinctBy(application => application.PostingId).ToDictionary(application => application.PostingId);
        }
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid postingId) =>
        await AfterAsync(await PostingsApi.ApplyAsync(postingId, coverNote: null), "search.applied", OnGetAsync);
}
