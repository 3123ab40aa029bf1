using JobMatch.Contracts.Responses.Matching;

namespace Portal.Infrastructure;

/// <summary>The matching service through the gateway, typed: a seeker's recommendations, the taxonomy (ESCO, 职业分类大典), the area dashboard, campaigns.</summary>
public sealed class MatchingApi(GatewayClient gateway)
{
    /// <summary>The seeker's recommendations, best first, with reasons in the page's language ("en" or "zh").</summary>
    public Task<ApiResult<IReadOnlyList<RecommendationResponse>>> RecommendationsAsync(Guid seekerId, string lang) =>
        gateway.GetAsync<IReadOnlyList<RecommendationResponse>>($"api/matches/seekers/{seekerId}/recommendations?lang={(lang == Language.English ? "en" : "zh")}");

    /// <summary>A seeker's recommendations as staff read them, with a reason (audited).</summary>
    public Task<ApiResult<IReadOnlyList<RecommendationResponse>>> RecommendationsForStaffAsync(Guid seekerId, string lang, string? reason) =>
        gateway.GetAsync<IReadOnlyList<RecommendationResponse>>($"api/matches/seekers/{seekerId}/recommendations?lang={(lang == Language.English ? "en" : "zh")}"
            + "&reason=" + Uri.EscapeDataString(reason ?? ""));

    /// <summary>Skills or occupations (kind "skill" or "occupation") whose names start with or contain what was typed.</summary>
    public Task<ApiResult<IReadOnlyList<ConceptResponse>>> SuggestAsync(string typed, string kind) =>
        gateway.GetAsync<IReadOnlyList<ConceptResponse>>($"api/matches/taxonomy/suggest?q={Uri.EscapeDataString(typed)}&kind={kind}");

    /// <summary>The 职业分类大典 codes a name, alias, English name or code finds.</summary>
    public Task<ApiResult<IReadOnlyList<NationalOccupationResponse>>> FindNationalAsync(string typed, int limit = 20) =>
        gateway.GetAsync<IReadOnlyList<NationalOccupationResponse>>($"api/matches/taxonomy/suggest?kind=national&limit={limit}&q={Uri.EscapeDataString(typed)}");

    /// <summary>The codes under a code ("" for the 8 大类), in the classification's order.</summary>
    public Task<ApiResult<IReadOnlyList<NationalOccupationResponse>>> NationalUnderAsync(string parent) =>
        gateway.GetAsync<IReadOnlyList<NationalOccupationResponse>>("api/matches/taxonomy/national" + (parent.Length == 0 ? "" : "?parent=" + Uri.EscapeDataString(parent)));

    /// <summary>The 细类 a posting with this title (derive "title") or a profile seeking this occupation ("occupation") would be given.</summary>
    public Task<ApiResult<NormalizedNationalText>> DeriveNationalAsync(string text, string derive) =>
        gateway.GetAsync<NormalizedNationalText>($"api/matches/taxonomy/normalize?kind=national&derive={derive}&text={Uri.EscapeDataString(text)}");

    /// <summary>A division the caseworker serves at a glance: seekers, open postings, and 12 weeks of matches, applications, placements.</summary>
    public Task<ApiResult<AreaDashboard>> DashboardAsync(string region) =>
        gateway.GetAsync<AreaDashboard>("api/matches/dashboard?regionCode=" + Uri.EscapeDataString(region));

    /// <summary>The campaigns the caseworker may see, newest first.</summary>
    public Task<ApiResult<IReadOnlyList<CampaignResponse>>> CampaignsAsync() => gateway.GetAsync<IReadOnlyList<CampaignResponse>>("api/matches/campaigns");

    /// <summary>Starts a campaign (202: it runs in the background).</summary>
    public Task<ApiResult<CampaignResponse>> StartCampaignAsync(object campaign) => gateway.PostAsync<CampaignResponse>("api/matches/campaigns", campaign);

    public Task<ApiResult<CampaignResponse>> CampaignAsync(string id) =>
        gateway.GetAsync<CampaignResponse>($"api/matches/campaigns/{Uri.EscapeDataString(id)}");

    /// <summary>A page of the campaign's results, seeker by seeker.</summary>
    public Task<ApiResult<CampaignResultsPage>> CampaignResultsAsync(string id, int page, int pageSize) =>
        gateway.GetAsync<CampaignResultsPage>($"api/matches/campaigns/{Uri.EscapeDataString(id)}/results?page={page}&pageSize={pageSize}");

    /// <summary>A page of the eligible seekers the campaign found no match for, each with why.</summary>
    public Task<ApiResult<CampaignUnmatchedPage>> CampaignUnmatchedAsync(string id, int page, int pageSize) =>
        gateway.GetAsync<CampaignUnmatchedPage>($"api/matches/campaigns/{Uri.EscapeDataString(id)}/unmatched?page={page}&pageSize={pageSize}");

    /// <summary>Sends the chosen results to their seekers.</summary>
    public Task<ApiResult<SendCampaignResultsResponse>> SendCampaignResultsAsync(string id, IReadOnlyList<string> resultIds) =>
        gateway.PostAsync<SendCampaignResultsResponse>($"api/matches/campaigns/{Uri.EscapeDataString(id)}/send", new { resultIds });

    /// <summary>What came of the campaign's sent results: applied, interviews, offers, hires, retained.</summary>
    public Task<ApiResult<CampaignOutcomes>> CampaignOutcomesAsync(string id) =>
        gateway.GetAsync<CampaignOutcomes>($"api/matches/campaigns/{Uri.EscapeDataString(id)}/outcomes");
}
