using JobMatch.Contracts;
using System.Security.Claims;
using Dapper;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Problems;
using Matching.Api.Candidates;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Dashboard;

public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var dashboard = endpoints.MapApiGroup("/api/matches/dashboard", "Dashboard", "Labour-market figures for the caseworkers' regions.").RequireAuthorization(Policies.Staff);
        dashboard.MapGet("/", GetDashboard)
            .WithName("GetDashboard").WithSummary("A division the caller serves at a glance: seekers by key group, open postings, and 12 weeks of matches, applications and placements.");
        return endpoints;
    }

    /// <summary>
    /// Counts for a division the caller serves (a league/city such as 150100, or a banner/county): seekers by key group
    /// and by county, open postings by county, and over the last 12 weeks the matches announced, applications and
    /// placements (hires) of the area's seekers. Counts only — no one is named.
    /// </summary>
    public static async Task<Results<Ok<AreaDashboard>, ValidationProblem, NotFound>> GetDashboard(
        string? regionCode, ClaimsPrincipal caller, CandidateIndex index, IndexSynchronizer synchronizer, NpgsqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireRegionCode(regionCode);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(regionCode!)) return TypedResults.NotFound();

        await synchronizer.FreshAsync(cancellationToken);
        var seekers = index.Seekers(seeker => RegionCodes.Covers(regionCode!, seeker.Snapshot.RegionCode));
        var byKeyGroup = SeekerKeyGroups.All.Select(group => new CountBy(group, seekers.Count(seeker => seeker.IsIn(group))))
            .Append(new CountBy("none", seekers.Count(seeker => seeker.Snapshot.KeyGroups.Length == 0))).ToList();
        var byCounty = seekers.GroupBy(seeker => seeker.Snapshot.RegionCode).Select(g => new CountBy(g.Key, g.Count()))
            .OrderBy(count => count.Key, StringComparer.Ordinal).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var prefix = RegionCodes.Prefix(regionCode!);
        var postings = (await connection.QueryAsync<CountBy>(new CommandDefinition(
            """
            SELECT region_code AS key, count(*) AS count FROM postings
            WHERE closed_at IS NULL AND (valid_until IS NULL OR valid_until > now()) AND region_code LIKE @prefix || '%'
            GROUP BY region_code ORDER BY region_code
            """, new { prefix }, cancellationToken: cancellationToken))).AsList();
        var weeks = await connection.QueryAsync<(string Series, DateTime Week, long Count)>(new CommandDefinition(
            """
            WITH area AS (SELECT seeker_id FROM seekers WHERE region_code LIKE @prefix || '%')
            SELECT 'matches', date_trunc('week', announced_at), count(*) FROM announced_matches
            WHERE seeker_id IN (SELECT seeker_id FROM area) AND announced_at > now() - interval '12 weeks' GROUP BY 2
            UNION ALL
            SELECT 'applications', date_trunc('week', occurred_at), count(*) FROM interactions
            WHERE kind = 'applied' AND seeker_id IN (SELECT seeker_id FROM area) AND occurred_at > now() - interval '12 weeks' GROUP BY 2
            UNION ALL
            SELECT 'placements', date_trunc('week', occurred_at), count(*) FROM interactions
            WHERE kind = 'hired' AND seeker_id IN (SELECT seeker_id FROM area) AND occurred_at > now() - interval '12 weeks' GROUP BY 2
            ORDER BY 1, 2
            """, new { prefix }, cancellationToken: cancellationToken));
        List<WeekCount> Series(string name) =>
            weeks.Where(row => row.Series == name).Select(row => new WeekCount(DateOnly.FromDateTime(row.Week), row.Count)).ToList();

        return TypedResults.Ok(new AreaDashboard(regionCode!, seekers.Count, byKeyGroup, byCounty, postings,
            Series("matches"), Series("applications"), Series("placements")));
    }
}
