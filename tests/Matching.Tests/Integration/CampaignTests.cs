using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using Matching.Api.Campaigns;

namespace Matching.Tests.Integration;

/// <summary>A caseworker's targeted campaign from creation through work items, review, sending and outcomes.</summary>
public sealed class CampaignTests : MatchingHost
{
    private static readonly string Caseworker = TestTokens.Caseworker(Guid.NewGuid(), "150100");

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string? token = null)
    {
        using var client = Factory.ClientWithToken(token ?? Caseworker);
        return await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
    }

    private async Task<T?> GetAsync<T>(string path, string? token = null)
    {
        using var client = Factory.ClientWithToken(token ?? Caseworker);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<T>(Json) : default;
    }

    private async Task<CampaignResponse> CompletedAsync(Guid campaignId) =>
        await Eventually.GetAsync(async () => (await GetAsync<CampaignResponse>($"/api/matches/campaigns/{campaignId}"))!,
            campaign => campaign.Status == "completed", $"campaign {campaignId} completing");

    [Fact]
    public async Task A_campaign_matches_the_key_group_in_the_regions_lets_the_caseworker_send_chosen_results_and_counts_outcomes()
    {
        var job = Job("焊工", ["Welding", "Driving"]) with { KeyGroups = ["VeteranPriority"] };
        await PublishedAsync(job);
        var veterans = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        foreach (var veteran in veterans) await ProfileAsync(Profile(veteran, ["Welding"]) with { KeyGroups = ["veteran"] });
        var graduate = Guid.NewGuid();
        await ProfileAsync(Profile(graduate, ["Welding"]) with { KeyGroups = ["graduate"] });
        var elsewhere = Guid.NewGuid();
        await ProfileAsync(Profile(elsewhere, ["Welding"], regionCode: "150203") with { KeyGroups = ["veteran"] });

        using var created = await PostAsync("/api/matches/campaigns", new { name = "退役军人专场", keyGroup = "veteran", regionCodes = new[] { "150100" } });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(Json))!;
        Assert.Equal(3, campaign.SeekersTotal);
        Assert.Equal($"/api/matches/campaigns/{campaign.Id}", created.Headers.Location!.OriginalString);

        var done = await CompletedAsync(campaign.Id);
        Assert.Equal(done.TotalItems, done.CompletedItems);
        Assert.Equal(3, done.SeekersMatched);
        var results = (await GetAsync<CampaignResultsPage>($"/api/matches/campaigns/{campaign.Id}/results"))!;
        Assert.Equal(veterans.Order(), results.Items.Select(result => result.SeekerId).Order());
        Assert.All(results.Items, result => Assert.Equal("veteran-priority", result.PolicyRule));
        Assert.All(results.Items, result => Assert.Equal(["Driving"], result.Explanation.MissingSkills));

        var chosen = results.Items.Take(2).Select(result => result.ResultId).ToArray();
        using var sent = await PostAsync($"/api/matches/campaigns/{campaign.Id}/send", new { resultIds = chosen });
        Assert.Equal(new SendCampaignResultsResponse(2, 2, 0), await sent.Content.ReadFromJsonAsync<SendCampaignResultsResponse>(Json));
        using var again = await PostAsync($"/api/matches/campaigns/{campaign.Id}/send", new { resultIds = chosen });
        Assert.Equal(new SendCampaignResultsResponse(0, 0, 2), await again.Content.ReadFromJsonAsync<SendCampaignResultsResponse>(Json));
        Assert.Equal(2, await CampaignMessagesAsync(campaign.Id));

        var hiredSeeker = results.Items[0].SeekerId;
        var applicationId = Guid.NewGuid();
        await ConsumedAsync(new ApplicationSubmitted(applicationId, job.PostingId, hiredSeeker, DateTimeOffset.UtcNow), "ApplicationSubmittedConsumer");
        await ConsumedAsync(new ApplicationStatusChanged(applicationId, job.PostingId, hiredSeeker, "interview", "hired", null, DateTimeOffset.UtcNow),
            "ApplicationStatusChangedConsumer");

        var outcomes = (await GetAsync<CampaignOutcomes>($"/api/matches/campaigns/{campaign.Id}/outcomes"))!;
        Assert.Equal(new CampaignOutcomes(2, 2, 1, 0, 0, 1, 0), outcomes);
    }

    [Fact]
    public async Task A_campaign_for_the_unplaced_leaves_out_seekers_in_a_job_but_not_those_who_left_one()
    {
        var job = Job("仓库管理员", ["Warehousing"]);
        await PublishedAsync(job);
        // The jobs they were hired into (and one left): another posting, so this one stays new to all three.
        var earlier = Job("叉车司机", ["Forklift"]);
        await PublishedAsync(earlier);
        var (waiting, inAJob, leftTheJob) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var graduate in new[] { waiting, inAJob, leftTheJob })
            await ProfileAsync(Profile(graduate, ["Warehousing"]) with { KeyGroups = ["graduate"] });
        foreach (var hired in new[] { inAJob, leftTheJob })
        {
            await ConsumedAsync(new ApplicationStatusChanged(Guid.NewGuid(), earlier.PostingId, hired, "offer", "hired", null, DateTimeOffset.UtcNow.AddDays(-40)),
                "ApplicationStatusChangedConsumer");
        }
        await ConsumedAsync(new FollowUpRecorded(Guid.NewGuid(), Guid.NewGuid(), earlier.PostingId, leftTheJob, "left-job", 20, DateTimeOffset.UtcNow.AddDays(-20)),
            "FollowUpRecordedConsumer");

        using var everyone = await PostAsync("/api/matches/campaigns", new { name = "毕业生", keyGroup = "graduate", regionCodes = new[] { "150100" } });
        using var unplaced = await PostAsync("/api/matches/campaigns", new { name = "未就业毕业生", keyGroup = "graduate", regionCodes = new[] { "150100" }, unplacedOnly = true });

        Assert.Equal(3, (await everyone.Content.ReadFromJsonAsync<CampaignResponse>(Json))!.SeekersTotal);
        var campaign = (await unplaced.Content.ReadFromJsonAsync<CampaignResponse>(Json))!;
        Assert.True(campaign.UnplacedOnly);
        Assert.Equal(2, campaign.SeekersTotal);
        await CompletedAsync(campaign.Id);
        var results = (await GetAsync<CampaignResultsPage>($"/api/matches/campaigns/{campaign.Id}/results"))!;
        Assert.Equal(new[] { waiting, leftTheJob }.Order(), results.Items.Select(result => result.SeekerId).Distinct().Order());
    }

    [Fact]
    public async Task Eligible_seekers_without_a_match_are_listed_with_a_plain_reason_and_only_for_staff_of_the_area()
    {
        // Alxa (152900), far from the other tests' postings: a warehouse job in Alxa Right Banner, a welder's in Alxa Left.
        var alxa = TestTokens.Caseworker(Guid.NewGuid(), "152900");
        await PublishedAsync(Job("仓库管理员", ["Warehousing"]) with { RegionCode = "152922", Latitude = 39.21, Longitude = 101.67 });
        await PublishedAsync(Job("焊工", ["Welding"]) with { RegionCode = "152921", Latitude = 38.83, Longitude = 105.67 });
        var (matched, welder, thin, remote) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        ProfileUpdated Graduate(Guid id, string[] skills, string region, double lat, double lon) =>
            Profile(id, skills, region) with { Latitude = lat, Longitude = lon, KeyGroups = ["graduate"] };
        await ProfileAsync(Graduate(matched, ["Warehousing"], "152922", 39.21, 101.67));
        await ProfileAsync(Graduate(welder, ["Welding"], "152921", 38.83, 105.67));
        await ProfileAsync(Graduate(thin, [], "152921", 38.84, 105.68));
        await ProfileAsync(Graduate(remote, ["Warehousing"], "152923", 41.95, 101.07));

        using var created = await PostAsync("/api/matches/campaigns",
            new { name = "阿拉善仓储岗位", keyGroup = "graduate", regionCodes = new[] { "152900" }, occupations = new[] { "仓库管理员" } }, alxa);
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(Json))!;
        var done = await Eventually.GetAsync(async () => (await GetAsync<CampaignResponse>($"/api/matches/campaigns/{campaign.Id}", alxa))!,
            c => c.Status == "completed", "the Alxa campaign completing");

        var unmatched = (await GetAsync<CampaignUnmatchedPage>($"/api/matches/campaigns/{campaign.Id}/unmatched?pageSize=200", alxa))!;
        var reasons = unmatched.Items.Where(u => u.SeekerId == welder || u.SeekerId == thin || u.SeekerId == remote).ToDictionary(u => u.SeekerId, u => u.Reason);
        Assert.Equal(UnmatchedReasons.NoPostingInOccupations, reasons[welder]);
        Assert.Equal(UnmatchedReasons.ProfileTooThin, reasons[thin]);
        Assert.Equal(UnmatchedReasons.NoPostingWithinReach, reasons[remote]);
        Assert.DoesNotContain(matched, unmatched.Items.Select(u => u.SeekerId));
        var results = (await GetAsync<CampaignResultsPage>($"/api/matches/campaigns/{campaign.Id}/results?pageSize=200", alxa))!;
        Assert.Contains(matched, results.Items.Select(r => r.SeekerId));
        // Every eligible seeker is either matched or listed here, and the campaign says how many were not matched.
        Assert.Equal(done.SeekersTotal, done.SeekersMatched + unmatched.Total);
        Assert.Equal(unmatched.Total, done.SeekersUnmatched);
        Assert.Null(await GetAsync<CampaignUnmatchedPage>($"/api/matches/campaigns/{campaign.Id}/unmatched", TestTokens.Caseworker(Guid.NewGuid(), "150100")));

        // A seeker removed from matching (deleted, or the consent withdrawn) leaves no note behind.
        await ConsumedAsync(new SeekerDeleted(thin, DateTimeOffset.UtcNow), "SeekerDeletedConsumer");
        var after = (await GetAsync<CampaignUnmatchedPage>($"/api/matches/campaigns/{campaign.Id}/unmatched?pageSize=200", alxa))!;
        Assert.DoesNotContain(thin, after.Items.Select(u => u.SeekerId));
    }

    [Fact]
    public async Task A_large_campaign_is_split_into_work_items_that_all_complete()
    {
        var job = Job("焊工", ["Welding"]);
        await PublishedAsync(job);
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            // 1,200 graduates written straight into the read model (the change feed brings them into the index).
            await connection.ExecuteAsync(
                """
                INSERT INTO seekers (seeker_id, skills, skill_keys, region_code, latitude, longitude, willing_to_relocate, updated_at, key_groups)
                SELECT gen_random_uuid(), '{Welding}', '{welding}', '150102', 40.84, 111.75, false, now(), '{graduate}' FROM generate_series(1, 1200)
                """);
        }

        using var created = await PostAsync("/api/matches/campaigns", new { name = "毕业生", keyGroup = "graduate", regionCodes = new[] { "150102" } });
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(Json))!;
        Assert.Equal(3, campaign.TotalItems);
        var done = await CompletedAsync(campaign.Id);

        Assert.Equal(1200, done.SeekersMatched);
        Assert.Equal(1200, done.ResultCount);
    }

    [Fact]
    public async Task Bad_campaigns_are_refused_field_by_field_and_other_areas_campaigns_do_not_exist()
    {
        using var bad = await PostAsync("/api/matches/campaigns", new { name = "", keyGroup = "women", regionCodes = new[] { "150200", "999999" }, occupations = new[] { "no such job zzz" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        foreach (var field in new[] { "name", "keyGroup", "regionCodes[0]", "regionCodes[1]", "occupations[0]" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        using var created = await PostAsync("/api/matches/campaigns", new { name = "退役军人", keyGroup = "veteran", regionCodes = new[] { "150102" }, occupations = new[] { "焊工" } });
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(Json))!;
        var baotou = TestTokens.Caseworker(Guid.NewGuid(), "150200");
        Assert.Null(await GetAsync<CampaignResponse>($"/api/matches/campaigns/{campaign.Id}", baotou));
        Assert.DoesNotContain(campaign.Id, (await GetAsync<List<CampaignResponse>>("/api/matches/campaigns", baotou))!.Select(c => c.Id));
        using var send = await PostAsync($"/api/matches/campaigns/{campaign.Id}/send", new { resultIds = new[] { Guid.NewGuid() } }, baotou);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        using var seeker = await PostAsync("/api/matches/campaigns", new { name = "x", keyGroup = "veteran", regionCodes = new[] { "150102" } }, TestTokens.Seeker(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, seeker.StatusCode);
    }

    private async Task<int> CampaignMessagesAsync(Guid campaignId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox WHERE message_type = 'JobMatch.Contracts.MatchesFound' AND body->>'campaignId' = @id",
            new { id = campaignId.ToString() });
    }
}
