using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Matching.Api.Campaigns;
using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Api.Taxonomy;
using Matching.Ranking;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matching.Api.Matches;

public static class MatchesApi
{
    public static IHostApplicationBuilder AddMatchingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => SkillTaxonomy.Shared);
        builder.Services.AddSingleton<ConceptVocabulary>();
        builder.Services.AddSingleton<Matching.Api.ReadModel.ReadModelStore>();
        builder.Services.AddSingleton<CandidateIndex>();
        builder.Services.AddSingleton<PostingPopularity>();
        builder.Services.AddHostedService<PostingPopularityRefresher>();
        builder.Services.AddSingleton<IndexSynchronizer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IndexSynchronizer>());
        builder.Services.AddHealthChecks().AddCheck<IndexSynchronizer>("candidate-index", tags: [JobMatch.ServiceDefaults.Health.HealthExtensions.ReadyTag]);
        builder.Services.AddSingleton<EmployerResponseRates>();
        builder.Services.AddSingleton<BehaviourSignals>();
        builder.Services.AddHostedService<OutcomeSignalsRefresher>();
        builder.Services.Configure<PolicyOptions>(builder.Configuration.GetSection("Matching:Policy"));
        builder.Services.AddSingleton(services => new KeyGroupPolicy(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PolicyOptions>>().Value.Rules));
        builder.Services.AddHostedService<PolicyRecorder>();
        builder.Services.Configure<RankingOptions>(builder.Configuration.GetSection("Matching:Ranking"));
        builder.Services.AddSingleton<RankerSlot>();
        builder.Services.AddSingleton<ServingModel>();
        builder.Services.AddHealthChecks().AddCheck<ServingModel>("ranking-model", tags: [JobMatch.ServiceDefaults.Health.HealthExtensions.ReadyTag]);
        builder.Services.AddSingleton<Retrainer>();
        builder.Services.AddSingleton<ModelLifecycle>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ModelLifecycle>());
        builder.Services.AddSingleton<MatchRanker>();
        builder.Services.AddSingleton<Recommender>();
        builder.AddCampaigns();
        return builder;
    }

    public static IEndpointRouteBuilder MapMatchesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var matches = endpoints.MapApiGroup("/api/matches", "Matches", "Recommendations for seekers and candidates for postings, each with its explanation.");
        matches.MapGet("/seekers/{seekerId:guid}/recommendations", GetRecommendations)
            .WithName("GetRecommendations").WithSummary("Postings recommended to a seeker, best first, each with why it was found and how it scored.");
        matches.MapGet("/postings/{postingId:guid}/candidates", GetCandidates)
            .WithName("GetCandidates").WithSummary("Seekers who fit a posting, best first, with the explanation (for its employer and staff of its region).");
        return endpoints;
    }

    /// <summary>
    /// A seeker's recommendations with their explanations: for that seeker, or staff serving the seeker's region, who
    /// give a reason; the staff read goes to the seeker's audit log (<see cref="StaffReads"/>) with the list.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<RecommendationResponse>>, NotFound, ForbidHttpResult, ValidationProblem>> GetRecommendations(
        Guid seekerId, ClaimsPrincipal caller, Recommender recommender, CandidateIndex index, IndexSynchronizer synchronizer, Transactions transactions,
        CancellationToken cancellationToken, int limit = 20, string? lang = null, string? reason = null)
    {
        if (!caller.IsInRole(Roles.Seeker) && !caller.IsStaff()) return TypedResults.Forbid();
        if (caller.IsInRole(Roles.Seeker) && caller.UserId() != seekerId) return TypedResults.NotFound();
        if (caller.IsStaff() && StaffReads.RequireReason(reason) is { IsValid: false } invalid) return TypedResults.ValidationProblem(invalid.Errors);
        await synchronizer.FreshAsync(cancellationToken);
        if (index.FindSeeker(seekerId) is not { } seeker) return TypedResults.NotFound();
        // Outside the caseworker's regions looks the same as no such seeker: staff learn nothing of others' areas.
        if (caller.IsStaff() && !caller.MayServeRegion(seeker.Snapshot.RegionCode)) return TypedResults.NotFound();

        var matches = recommender.Recommend(seeker, Math.Clamp(limit, 1, 100), Language(lang));
        if (caller.IsStaff())
            await transactions.RunAsync(transaction => StaffReads.RecordAsync(transaction, caller, "read-recommendations", [seekerId], RecommendationFields, reason!), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecommendationResponse>>(matches.Select(RecommendationResponse.From).ToList());
    }

    private static readonly string[] RecommendationFields = ["recommendations", "skills", "location"];
    private static readonly string[] CandidateFields = ["skills", "location", "keyGroups"];

    /// <summary>
    /// Seekers suited to a posting, for its employer (only seekers who consented to employer sharing, under their
    /// pseudonymous id) or staff serving its region (everyone they serve, with a reason: each seeker listed gets an
    /// audit entry). Another employer's posting: 404.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<CandidateResponse>>, NotFound, ForbidHttpResult, ValidationProblem>> GetCandidates(
        Guid postingId, ClaimsPrincipal caller, Recommender recommender, CandidateIndex index, IndexSynchronizer synchronizer, Transactions transactions,
        CancellationToken cancellationToken, int limit = 20, string? lang = null, string? reason = null)
    {
        if (!caller.IsInRole(Roles.Employer) && !caller.IsStaff()) return TypedResults.Forbid();
        if (caller.IsStaff() && StaffReads.RequireReason(reason) is { IsValid: false } invalid) return TypedResults.ValidationProblem(invalid.Errors);
        await synchronizer.FreshAsync(cancellationToken);
        if (index.FindPosting(postingId) is not { } posting) return TypedResults.NotFound();
        Func<IndexedSeeker, bool> filter;
        var employer = caller.ActsForEmployer(posting.Snapshot.EmployerId);
        if (employer) filter = seeker => seeker.Snapshot.SharedWithEmployers;
        else if (caller.MayServeRegion(posting.Snapshot.RegionCode)) filter = seeker => caller.MayServeRegion(seeker.Snapshot.RegionCode);
        else return TypedResults.NotFound();

        // The employer's view is ranked on where seekers live to a cell, with banded distances (CoarseLocation).
        var matches = recommender.CandidatesFor(posting, Math.Clamp(limit, 1, 100), filter, Language(lang), coarseLocation: employer);
        if (caller.IsStaff())
        {
            await transactions.RunAsync(transaction => StaffReads.RecordAsync(
                transaction, caller, "list-candidates", matches.Select(match => match.Seeker.SeekerId), CandidateFields, reason!), cancellationToken);
        }
        return TypedResults.Ok<IReadOnlyList<CandidateResponse>>(matches.Select(CandidateResponse.From).ToList());
    }

    public static string Language(string? lang) => lang is "en" ? "en" : "zh";
}
