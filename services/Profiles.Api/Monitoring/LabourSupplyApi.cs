using System.Security.Claims;
using Dapper;
using JobMatch.Domain.Monitoring;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Problems;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Profiles.Api.Monitoring;

/// <summary>
/// 人力资源市场供求监测, the supply side: counts only, no one named (the register names them, audited). The job-posting
/// service answers the demand side; the portal puts the two together as the talent-demand catalogue (docs/decisions/066).
/// </summary>
public static class LabourSupplyApi
{
    /// <summary>Registered this long ago and not placed: the key-group seekers the early-warning list counts.</summary>
    public const int UnplacedMonths = 6;

    public static IEndpointRouteBuilder MapLabourSupplyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var monitoring = endpoints.MapApiGroup("/api/profiles/monitoring", "Monitoring", "Labour-market monitoring: seekers per occupation, placements per key group.")
            .RequireAuthorization(Policies.Staff);
        monitoring.MapGet("/supply", GetLabourSupply)
            .WithName("GetLabourSupply")
            .WithSummary("Seekers registered per occupation in a league or banner the caller serves for a month, placements by key group, and key-group seekers unplaced after six months (counts only); occupations grouped by 职业分类大典 at a level (scheme=national, the default; level=majorGroup…occupation) or by ESCO (scheme=esco).");
        return endpoints;
    }

    public static async Task<Results<Ok<LabourSupply>, ValidationProblem, NotFound>> GetLabourSupply(
        ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken, string? region = null, string? month = null,
        string? scheme = null, string? level = null)
    {
        var validation = new Validation().RequireRegionCode(region, "region")
            .Require(MonitoringMonth.TryParse(month, DateTimeOffset.UtcNow, out var start), "month", MonitoringMonth.InvalidMessage)
            .Require(ReportGrouping.TryParseScheme(scheme, out _), "scheme", ReportGrouping.InvalidScheme)
            .Require(ReportGrouping.TryParseLevel(level, out _), "level", ReportGrouping.InvalidLevel);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(region!)) return TypedResults.NotFound();

        ReportGrouping.TryParse(scheme, level, out var grouping);
        var parameters = new
        {
            occupations = grouping.Table.Occupations, groups = grouping.Table.Groups,
            prefix = RegionCodes.Prefix(region!) + "%", start = start.UtcDateTime, end = start.AddMonths(1).UtcDateTime,
            unplacedBefore = start.AddMonths(1 - UnplacedMonths).UtcDateTime,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var occupations = (await connection.QueryAsync<(string? Occupation, int Seekers)>(new CommandDefinition(
            """
            SELECT g.grp, count(*)::integer FROM profiles
            LEFT JOIN unnest(@occupations::text[], @groups::text[]) AS g(code, grp) ON g.code = profiles.national_occupation_code
            WHERE region_code LIKE @prefix AND created_at >= @start AND created_at < @end
            GROUP BY g.grp ORDER BY 2 DESC, 1
            """, parameters, cancellationToken: cancellationToken))).Select(row =>
        {
            var occupation = grouping.Find(row.Occupation);
            return new OccupationSupply(row.Occupation, occupation?.Name, occupation?.NameEn, row.Seekers);
        }).ToList();
        var placements = (await connection.QueryAsync<(string KeyGroup, int Placements)>(new CommandDefinition(
            """
            SELECT COALESCE(k.key_group, 'none'), count(DISTINCT p.seeker_id)::integer FROM profiles p
            LEFT JOIN key_groups k ON k.seeker_id = p.seeker_id AND k.applies
            WHERE p.region_code LIKE @prefix AND p.placed_at >= @start AND p.placed_at < @end
            GROUP BY 1
            """, parameters, cancellationToken: cancellationToken))).ToDictionary(row => row.KeyGroup, row => row.Placements, StringComparer.Ordinal);
        var unplaced = (await connection.QueryAsync<LongUnplaced>(new CommandDefinition(
            """
            SELECT k.key_group AS keygroup, p.region_code AS regioncode, count(*)::integer AS seekers FROM profiles p
            JOIN key_groups k ON k.seeker_id = p.seeker_id AND k.applies
            WHERE p.region_code LIKE @prefix AND p.created_at < @unplacedBefore AND p.placed_at IS NULL
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """, parameters, cancellationToken: cancellationToken))).AsList();
        // Every key group in the same order in every area, "none" last, so month-on-month charts line up.
        var byKeyGroup = JobMatch.Contracts.SeekerKeyGroups.All.Append("none")
            .Select(group => new KeyGroupPlacements(group, placements.GetValueOrDefault(group))).ToList();
        return TypedResults.Ok(new LabourSupply(region!, month!, occupations.Sum(o => o.Seekers), occupations, byKeyGroup, unplaced,
            grouping.SchemeName, grouping.LevelName));
    }
}
