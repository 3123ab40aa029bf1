using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;

namespace Matching.Tests.Integration;

/// <summary>
/// The matching service's real answers read strictly into the records the portal reads them with
/// (JobMatch.Contracts.Responses.Matching): a field renamed in an answer fails here, not on a page (record 068).
/// </summary>
public sealed class ResponseContractTests : MatchingHost
{
    [Fact]
    public async Task Recommendations_candidates_and_the_taxonomy_read_as_the_shared_records()
    {
        var job = Job("Welder");
        await PublishedAsync(job);
        var seekerId = Guid.NewGuid();
        await ProfileAsync(Profile(seekerId));

        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        var recommendations = await ContractJson.GetAsync<IReadOnlyList<RecommendationResponse>>(seeker, $"/api/matches/seekers/{seekerId}/recommendations?lang=zh");
        var recommendation = Assert.Single(recommendations, item => item.PostingId == job.PostingId);
        Assert.NotEmpty(recommendation.Explanation.MatchedSkills);
        Assert.NotEmpty(recommendation.Explanation.Reasons);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        var candidates = await ContractJson.GetAsync<IReadOnlyList<CandidateResponse>>(caseworker, $"/api/matches/postings/{job.PostingId}/candidates?reason={StaffReason}");
        Assert.Contains(candidates, candidate => candidate.SeekerId == seekerId);

        Assert.NotEmpty(await ContractJson.GetAsync<IReadOnlyList<ConceptResponse>>(seeker, "/api/matches/taxonomy/suggest?q=叉车&kind=occupation"));
        Assert.NotNull(await ContractJson.GetAsync<NormalizedText>(seeker, "/api/matches/taxonomy/normalize?text=" + Uri.EscapeDataString("焊工 叉车")));
        Assert.Equal(8, (await ContractJson.GetAsync<IReadOnlyList<NationalOccupationResponse>>(seeker, "/api/matches/taxonomy/national")).Count);
        var found = await ContractJson.GetAsync<IReadOnlyList<NationalOccupationResponse>>(seeker, "/api/matches/taxonomy/suggest?kind=national&limit=20&q=" + Uri.EscapeDataString("货运汽车"));
        Assert.Contains(found, occupation => occupation.Level == "occupation" && occupation.EscoOccupations.Count > 0);
        var derived = await ContractJson.GetAsync<NormalizedNationalText>(seeker, "/api/matches/taxonomy/normalize?kind=national&derive=title&text=" + Uri.EscapeDataString("货车司机"));
        Assert.NotEmpty(derived.Occupations);
    }

    [Fact]
    public async Task The_area_dashboard_reads_as_the_shared_record()
    {
        await PublishedAsync(Job("Welder"));
        await ProfileAsync(Profile(Guid.NewGuid()));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var dashboard = await ContractJson.GetAsync<AreaDashboard>(caseworker, "/api/matches/dashboard?regionCode=150100");

        Assert.True(dashboard.Seekers > 0);
        Assert.NotEmpty(dashboard.OpenPostingsByCounty);
    }

    [Fact]
    public async Task A_campaign_its_results_seekers_without_a_match_sending_and_outcomes_read_as_the_shared_records()
    {
        await PublishedAsync(Job("焊工", ["Welding"]) with { KeyGroups = ["VeteranPriority"] });
        var (matched, unmatched) = (Guid.NewGuid(), Guid.NewGuid());
        await ProfileAsync(Profile(matched, ["Welding"]) with { KeyGroups = ["veteran"] });
        await ProfileAsync(Profile(unmatched, ["Throat singing"]) with { KeyGroups = ["veteran"] });
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var started = await ContractJson.ReadAsync<CampaignResponse>(await caseworker.PostAsJsonAsync("/api/matches/campaigns",
            new { name = "合同专场", keyGroup = "veteran", regionCodes = new[] { "150100" } }), HttpStatusCode.Accepted);
        var done = await Eventually.GetAsync(() => ContractJson.GetAsync<CampaignResponse>(caseworker, $"/api/matches/campaigns/{started.Id}"),
            campaign => campaign.CompletedAt is not null, "the campaign completing");
        Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<CampaignResponse>>(caseworker, "/api/matches/campaigns"), campaign => campaign.Id == done.Id);
        var results = await ContractJson.GetAsync<CampaignResultsPage>(caseworker, $"/api/matches/campaigns/{done.Id}/results?page=1&pageSize=25");
        var result = Assert.Single(results.Items, item => item.SeekerId == matched);
        Assert.NotEmpty(result.Explanation.MatchedSkills);
        var withoutMatch = await ContractJson.GetAsync<CampaignUnmatchedPage>(caseworker, $"/api/matches/campaigns/{done.Id}/unmatched?page=1&pageSize=50");
        Assert.Contains(withoutMatch.Items, item => item.SeekerId == unmatched && item.Reason.Length > 0);
        Assert.Equal(1, (await ContractJson.ReadAsync<SendCampaignResultsResponse>(await caseworker.PostAsJsonAsync(
            $"/api/matches/campaigns/{done.Id}/send", new { resultIds = new[] { result.ResultId } }))).Sent);
        Assert.Equal(1, (await ContractJson.GetAsync<CampaignOutcomes>(caseworker, $"/api/matches/campaigns/{done.Id}/outcomes")).Sent);
    }
}
