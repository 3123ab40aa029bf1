using System.Security.Claims;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using Matching.Api.Candidates;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Campaigns;

/// <summary>
/// Targeted campaigns for caseworkers: choose a key group, regions and optionally occupations; the batch match runs as
/// work items over RabbitMQ (any matching instance takes them); review the results while or after it runs; send the
/// chosen ones to the seekers as notifications; follow the outcomes.
/// </summary>
public static class CampaignsApi
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CampaignRunner>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCampaignsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapApiGroup("/api/matches/campaigns", "Campaigns", "Targeted matching for key groups, run by caseworkers, with results and outcomes per seeker.").RequireAuthorization(Policies.Staff);
        campaigns.MapPost("/", CreateCampaign)
            .WithName("CreateCampaign").WithSummary("Start a targeted campaign for a key group in regions the caller serves, optionally only its seekers not in a job (the batch match runs in the background).");
        campaigns.MapGet("/", ListCampaigns)
            .WithName("ListCampaigns").WithSummary("Campaigns of the caller's regions, newest first.");
        campaigns.MapGet("/{campaignId:guid}", GetCampaign)
            .WithName("GetCampaign").WithSummary("One campaign and its progress (work items done, seekers matched).");
        campaigns.MapGet("/{campaignId:guid}/results", GetResults)
            .WithName("GetCampaignResults").WithSummary("The campaign's matches per eligible seeker, with the explanation of each.");
        campaigns.MapGet("/{campaignId:guid}/unmatched", GetUnmatched)
            .WithName("GetCampaignUnmatched").WithSummary("The eligible seekers the campaign found no match for, each with the reason (ids only; names are in the register).");
        campaigns.MapPost("/{campaignId:guid}/send", SendResults)
            .WithName("SendCampaignResults").WithSummary("Send the chosen results to their seekers as notifications (never twice).");
        campaigns.MapGet("/{campaignId:guid}/outcomes", GetOutcomes)
            .WithName("GetCampaignOutcomes").WithSummary("What became of the sent results: applications, interviews, offers, hires and hires still in the job.");
        return endpoints;
    }

    public static async Task<Results<Accepted<CampaignResponse>, ValidationProblem>> CreateCampaign(
        CreateCampaignRequest request, ClaimsPrincipal caller, Transactions transactions, CampaignRunner runner, IndexSynchronizer synchronizer,
        SkillTaxonomy taxonomy, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 200, "name", "Name the campaign (up to 200 characters).")
            .Require(request.KeyGroup is not null && SeekerKeyGroups.All.Contains(request.KeyGroup), "keyGroup", $"Choose one of: {string.Join(", ", SeekerKeyGroups.All)}.")
            .Require(request.RegionCodes is { Count: > 0 and <= 50 }, "regionCodes", "Choose 1–50 regions.")
            .Require(request.Occupations is null || request.Occupations.Count <= 20, "occupations", "Choose at most 20 occupations.");
        for (var i = 0; i < (request.RegionCodes?.Count ?? 0); i++)
        {
            var code = request.RegionCodes![i];
            validation.Require(RegionCodes.IsKnown(code), $"regionCodes[{i}]", "Not an Inner Mongolia division code.")
                .Require(code is not null && caller.MayServeRegion(code), $"regionCodes[{i}]", "You do not serve this region.");
        }
        for (var i = 0; i < (request.Occupations?.Count ?? 0); i++)
        {
            validation.Require(request.Occupations![i] is { } occupation && taxonomy.ResolveOccupations([occupation]).Length > 0,
                $"occupations[{i}]", "Not an occupation the taxonomy knows (name in Chinese or English, or an ISCO/ESCO code).");
        }

        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        await synchronizer.FreshAsync(cancellationToken);
        int seekers;
        await using (var counting = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            seekers = (await runner.EligibleAsync(request.KeyGroup!, request.RegionCodes!, request.UnplacedOnly ?? false, counting, null, cancellationToken)).Count;
        }
        var items = CampaignRunner.ItemsFor(seekers);
        var campaignId = Guid.NewGuid();
        await transactions.RunAsync(async transaction =>
        {
            await CampaignStore.CreateAsync(transaction, campaignId, request, caller.UserId(), items, seekers);
            for (var item = 0; item < items; item++) await transaction.PublishAsync(new RunCampaignSlice(campaignId, item, items));
        }, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var campaign = await CampaignStore.FindAsync(connection, null, campaignId, cancellationToken);
        return TypedResults.Accepted($"/api/matches/campaigns/{campaignId}", campaign!.ToResponse());
    }

    public static async Task<Ok<IReadOnlyList<CampaignResponse>>> ListCampaigns(ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var campaigns = await CampaignStore.ListAsync(connection, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CampaignResponse>>(campaigns.Where(c => IsVisibleTo(c, caller)).Select(c => c.ToResponse()).ToList());
    }

    /// <summary>The campaign and its progress (work items done of all, seekers matched).</summary>
    public static async Task<Results<Ok<CampaignResponse>, NotFound>> GetCampaign(
        Guid campaignId, ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var campaign = await CampaignStore.FindAsync(connection, null, campaignId, cancellationToken);
        return campaign is not null && IsVisibleTo(campaign, caller) ? TypedResults.Ok(campaign.ToResponse()) : TypedResults.NotFound();
    }

    public static Task<Results<Ok<CampaignResultsPage>, NotFound>> GetResults(
        Guid campaignId, ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken, int page = 1, int pageSize = 50) =>
        ReadVisibleAsync(campaignId, caller, dataSource, cancellationToken,
            connection => CampaignStore.ResultsAsync(connection, campaignId, Math.Max(page, 1), Math.Clamp(pageSize, 1, 200), cancellationToken));

    /// <summary>The seekers the campaign found nothing for, a page at a time: who the caseworker should call, and why.</summary>
    public static Task<Results<Ok<CampaignUnmatchedPage>, NotFound>> GetUnmatched(
        Guid campaignId, ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken, int page = 1, int pageSize = 50) =>
        ReadVisibleAsync(campaignId, caller, dataSource, cancellationToken,
            connection => CampaignStore.UnmatchedAsync(connection, campaignId, Math.Max(page, 1), Math.Clamp(pageSize, 1, 200), cancellationToken));

    /// <summary>
    /// Sends the chosen results: one MatchesFound per seeker naming the campaign, through the outbox in the same
    /// transaction that marks them sent. A result sent before is not sent again.
    /// </summary>
    public static async Task<Results<Ok<SendCampaignResultsResponse>, NotFound, ValidationProblem>> SendResults(
        Guid campaignId, SendCampaignResultsRequest request, ClaimsPrincipal caller, Transactions transactions, NpgsqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation().Require(request.ResultIds is { Count: > 0 and <= 5000 }, "resultIds", "Choose 1–5,000 results to send.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var campaign = await CampaignStore.FindAsync(connection, null, campaignId, cancellationToken);
            if (campaign is null || !IsVisibleTo(campaign, caller)) return TypedResults.NotFound();
        }
        var resultIds = request.ResultIds!.Distinct().ToArray();
        var response = await transactions.RunAsync(async transaction =>
        {
            var sent = (await transaction.QueryAsync<(Guid SeekerId, Guid PostingId, string Title, double Score, double ModelScore, double PolicyBoost, string? PolicyRule)>(
                """
                UPDATE campaign_results SET sent_at = now()
                WHERE campaign_id = @campaignId AND result_id = ANY(@resultIds) AND sent_at IS NULL
                RETURNING seeker_id, posting_id, title, score, model_score, policy_boost, policy_rule
                """, new { campaignId, resultIds })).ToList();
            foreach (var seeker in sent.GroupBy(row => row.SeekerId))
            {
                // The algorithm will not announce these again on its own.
                await transaction.ExecuteAsync(
                    """
                    INSERT INTO announced_matches (seeker_id, posting_id, score, model_score, policy_boost, policy_rule)
                    SELECT @seekerId, p.* FROM unnest(@postingIds, @scores, @modelScores, @boosts, @rules) AS p(posting_id, score, model_score, policy_boost, policy_rule)
                    ON CONFLICT DO NOTHING
                    """,
                    new
                    {
                        seekerId = seeker.Key, postingIds = seeker.Select(r => r.PostingId).ToArray(), scores = seeker.Select(r => r.Score).ToArray(),
                        modelScores = seeker.Select(r => r.ModelScore).ToArray(), boosts = seeker.Select(r => r.PolicyBoost).ToArray(),
                        rules = seeker.Select(r => r.PolicyRule).ToArray(),
                    });
                await transaction.PublishAsync(new MatchesFound(seeker.Key,
                    seeker.Select(r => new MatchedPosting(r.PostingId, r.Title, r.Score)).ToList(), clock.GetUtcNow(), campaignId));
            }
            return new SendCampaignResultsResponse(sent.Count, sent.Select(r => r.SeekerId).Distinct().Count(), resultIds.Length - sent.Count);
        }, cancellationToken);
        return TypedResults.Ok(response);
    }

    /// <summary>What became of the sent results: applications, interviews, offers, hires and hires still in the job at follow-up.</summary>
    public static Task<Results<Ok<CampaignOutcomes>, NotFound>> GetOutcomes(
        Guid campaignId, ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        ReadVisibleAsync(campaignId, caller, dataSource, cancellationToken, connection => CampaignStore.OutcomesAsync(connection, campaignId, cancellationToken));

    /// <summary>A read of a campaign the caller may see (another area's campaign is not found), on one connection.</summary>
    private static async Task<Results<Ok<T>, NotFound>> ReadVisibleAsync<T>(
        Guid campaignId, ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken, Func<NpgsqlConnection, Task<T>> read)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var campaign = await CampaignStore.FindAsync(connection, null, campaignId, cancellationToken);
        if (campaign is null || !IsVisibleTo(campaign, caller)) return TypedResults.NotFound();
        return TypedResults.Ok(await read(connection));
    }

    /// <summary>Staff who serve every region of the campaign (a campaign of another area looks like none).</summary>
    private static bool IsVisibleTo(CampaignRow campaign, ClaimsPrincipal caller) =>
        campaign.RegionCodes.All(caller.MayServeRegion);
}
