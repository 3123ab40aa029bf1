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

namespace JobPostings.Api.Monitoring;

/// <summary>
/// 人力资源市场供求监测, the demand side: what employers of an area asked for in a month. The profile service answers the
/// supply side (seekers registered in the month, by the occupation they seek); the portal sets them side by side as
/// the talent-demand catalogue (docs/decisions/066).
/// </summary>
public static class LabourDemandApi
{
    /// <summary>A fall of this much or more in an occupation's new vacancies is an early warning…</summary>
    public const int DropThresholdPercent = 30;

    /// <summary>…when it had at least this many last month (a fall from 3 to 1 says nothing).</summary>
    public const int DropMinimumVacancies = 10;

    public static IEndpointRouteBuilder MapLabourDemandEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var monitoring = endpoints.MapApiGroup("/api/postings/monitoring", "Monitoring", "Labour-market monitoring: demand per occupation, area and month.")
            .RequireAuthorization(Policies.Staff);
        monitoring.MapGet("/demand", GetLabourDemand)
            .WithName("GetLabourDemand")
            .WithSummary("Vacancies and posted pay (median and quartiles) per occupation in a league or banner the caller serves, for a month, with last month's vacancies and the occupations whose vacancies fell; grouped by 职业分类大典 at a level (scheme=national, the default; level=majorGroup…occupation) or by ESCO (scheme=esco).");
        return endpoints;
    }

    public static async Task<Results<Ok<LabourDemand>, ValidationProblem, NotFound>> GetLabourDemand(
        ClaimsPrincipal caller, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken, string? region = null, string? month = null,
        string? scheme = null, string? level = null)
    {
        var validation = new Validation().RequireRegionCode(region, "region")
            .Require(MonitoringMonth.TryParse(month, clock.GetUtcNow(), out var start), "month", MonitoringMonth.InvalidMessage)
            .Require(ReportGrouping.TryParseScheme(scheme, out _), "scheme", ReportGrouping.InvalidScheme)
            .Require(ReportGrouping.TryParseLevel(level, out _), "level", ReportGrouping.InvalidLevel);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(region!)) return TypedResults.NotFound();

        // A month still running is compared with the same days of the month before, not with all of it.
        var now = clock.GetUtcNow();
        var previousEnd = start.AddMonths(1) > now ? now.AddMonths(-1) : start;
        ReportGrouping.TryParse(scheme, level, out var grouping);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DemandRow>(new CommandDefinition(DemandSql,
            new
            {
                occupations = grouping.Table.Occupations, groups = grouping.Table.Groups,
                prefix = RegionCodes.Prefix(region!) + "%", previous = start.AddMonths(-1).UtcDateTime, previousEnd = previousEnd.UtcDateTime,
                start = start.UtcDateTime, end = start.AddMonths(1).UtcDateTime,
            },
            cancellationToken: cancellationToken))).AsList();
        var occupations = rows.Select(row =>
        {
            var occupation = grouping.Find(row.Occupation);
            return new OccupationDemand(row.Occupation, occupation?.Name, occupation?.NameEn, row.Postings, row.Vacancies, row.PreviousVacancies,
                row.PaySample, row.LowerQuartile, row.Median, row.UpperQuartile);
        }).Where(demand => demand.Vacancies > 0 || demand.PreviousVacancies > 0).ToList();
        var drops = occupations
            .Where(o => o.PreviousVacancies >= DropMinimumVacancies && o.Vacancies <= o.PreviousVacancies * (100 - DropThresholdPercent) / 100)
            .Select(o => new VacancyDrop(o.OccupationCode, o.OccupationName, o.OccupationNameEn, o.PreviousVacancies, o.Vacancies,
                (int)Math.Round(100.0 * (o.PreviousVacancies - o.Vacancies) / o.PreviousVacancies)))
            .OrderByDescending(drop => drop.PreviousVacancies - drop.Vacancies).ToList();
        return TypedResults.Ok(new LabourDemand(region!, month!, occupations.Sum(o => o.Vacancies), occupations.Sum(o => o.PreviousVacancies),
            occupations.Where(o => o.Vacancies > 0).OrderByDescending(o => o.Vacancies).ThenBy(o => o.OccupationCode, StringComparer.Ordinal).ToList(),
            DropThresholdPercent, drops, grouping.SchemeName, grouping.LevelName));
    }

    /// <summary>
    /// Postings that went live (published, later closed or expired; never drafts, rejected postings or copies) counted in
    /// the month they were published, this month and the one before (up to @previousEnd), per group of their 细类
    /// (@occupations → @groups, <see cref="ReportGrouping.Table"/>).
    /// </summary>
    private const string DemandSql =
        """
        WITH report_groups AS (SELECT * FROM unnest(@occupations::text[], @groups::text[]) AS g(code, grp)),
        live AS (
            SELECT g.grp AS occupation, vacancies, published_at, published_at >= @start AS this_month,
                   COALESCE((salary_min + salary_max) / 2, salary_min, salary_max) AS monthly
            FROM postings LEFT JOIN report_groups g ON g.code = postings.national_occupation_code
            WHERE published_at >= @previous AND published_at < @end AND status IN ('Published', 'Closed', 'Expired')
              AND duplicate_of IS NULL AND region_code LIKE @prefix
        )
        SELECT occupation,
               count(*) FILTER (WHERE this_month)::integer AS postings,
               COALESCE(sum(vacancies) FILTER (WHERE this_month), 0)::integer AS vacancies,
               COALESCE(sum(vacancies) FILTER (WHERE NOT this_month AND published_at < @previousEnd), 0)::integer AS previousvacancies,
               count(monthly) FILTER (WHERE this_month AND monthly > 0)::integer AS paysample,
               (percentile_cont(0.25) WITHIN GROUP (ORDER BY monthly) FILTER (WHERE this_month AND monthly > 0))::numeric(12, 0) AS lowerquartile,
               (percentile_cont(0.50) WITHIN GROUP (ORDER BY monthly) FILTER (WHERE this_month AND monthly > 0))::numeric(12, 0) AS median,
               (percentile_cont(0.75) WITHIN GROUP (ORDER BY monthly) FILTER (WHERE this_month AND monthly > 0))::numeric(12, 0) AS upperquartile
        FROM live GROUP BY occupation
        """;

    private sealed record DemandRow(string? Occupation, int Postings, int Vacancies, int PreviousVacancies, int PaySample,
        decimal? LowerQuartile, decimal? Median, decimal? UpperQuartile);
}
