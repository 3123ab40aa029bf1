using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Matching.Taxonomy;
using Npgsql;

namespace JobPostings.Api.VacancyReports;

/// <summary>
/// Key enterprises (重点企业) file a monthly report of vacancies and hiring needs by occupation; caseworkers list the
/// reports of their regions by month. An employer is a key enterprise when a caseworker marked its organisation so
/// (docs/decisions/061) or, for the bureau's provisioned accounts, when its token carries key_enterprise (docs/decisions/011).
/// </summary>
public static class VacancyReportsApi
{
    public const string KeyEnterpriseClaim = JobMatchClaims.KeyEnterprise;
    public const string KeyEnterprisePolicy = "key-enterprise";
    private static readonly JsonSerializerOptions LinesJson = new(JsonSerializerDefaults.Web);

    public static IHostApplicationBuilder AddVacancyReportsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(KeyEnterprisePolicy, policy => policy
            .RequireRole(Roles.Employer).RequireClaim(JobMatchClaims.EmployerId).RequireAssertion(IsKeyEnterpriseAsync));
        return builder;
    }

    private static async Task<bool> IsKeyEnterpriseAsync(AuthorizationHandlerContext context) =>
        context.User.HasClaim(KeyEnterpriseClaim, "true")
        || (context.Resource is HttpContext http && context.User.EmployerId() is { } employerId
            && await http.RequestServices.GetRequiredService<OrganisationStore>().IsKeyEnterpriseAsync(employerId, http.RequestAborted));

    public static IEndpointRouteBuilder MapVacancyReportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapApiGroup("/api/vacancy-reports", "Vacancy reports", "Monthly vacancy reports of key enterprises.");
        reports.MapPut("/{month}", FileReport).RequireAuthorization(KeyEnterprisePolicy)
            .WithName("FileVacancyReport").WithSummary("A key enterprise files this month's vacancy report, or replaces it.");
        reports.MapGet("/mine", ListMine).RequireAuthorization(Policies.Employer)
            .WithName("ListMyVacancyReports").WithSummary("The caller's vacancy reports.");
        reports.MapGet("/", ListForRegion).RequireAuthorization(Policies.Staff)
            .WithName("ListVacancyReports").WithSummary("Vacancy reports for a month in a region the caller serves.");
        reports.MapGet("/by-occupation", TotalsByOccupation).RequireAuthorization(Policies.Staff)
            .WithName("VacancyReportTotalsByOccupation")
            .WithSummary("The month's reported vacancies and planned hires in a region the caller serves, per 职业分类大典 code at a level (scheme=national, the default) or ESCO occupation (scheme=esco), named.");
        return endpoints;
    }

    /// <summary>Files this month's report, or replaces it if already filed; each filing is an event.</summary>
    public static async Task<Results<Ok<VacancyReportResponse>, ValidationProblem>> FileReport(
        string month, FileVacancyReportRequest request, ClaimsPrincipal caller, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = request.Validate(month, now.UtcDateTime);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var employerId = caller.EmployerId()!.Value;
        var lines = request.Lines!.Select(line => line with { OccupationCode = line.OccupationCode?.Trim(), OccupationName = line.OccupationName?.Trim() }).ToList();
        var total = lines.Sum(line => line.Vacancies ?? 0);
        var report = await transactions.RunAsync(async transaction =>
        {
            var row = await transaction.QuerySingleOrDefaultAsync<Row>(
                """
                INSERT INTO vacancy_reports (id, employer_id, region_code, month, lines, total_vacancies)
                VALUES (@id, @employerId, @RegionCode, @month, @lines::jsonb, @total)
                ON CONFLICT (employer_id, month) DO UPDATE SET region_code = excluded.region_code, lines = excluded.lines,
                    total_vacancies = excluded.total_vacancies, updated_at = now()
                RETURNING id, employer_id, region_code, month, lines::text AS lines, total_vacancies, filed_at, updated_at
                """,
                new { id = Guid.CreateVersion7(), employerId, request.RegionCode, month, lines = JsonSerializer.Serialize(lines, LinesJson), total });
            await transaction.PublishAsync(new VacancyReportFiled(row!.Id, employerId, row.RegionCode, month, total, now));
            return row.ToResponse();
        }, cancellationToken);
        return TypedResults.Ok(report);
    }

    public static async Task<Ok<IReadOnlyList<VacancyReportResponse>>> ListMine(ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE employer_id = @employerId ORDER BY month DESC LIMIT 120", new { employerId = caller.EmployerId() }, cancellationToken: cancellationToken));
        return TypedResults.Ok<IReadOnlyList<VacancyReportResponse>>(rows.Select(row => row.ToResponse()).ToList());
    }

    /// <summary>Reports for a month in a region (any division level); a caseworker sees only the regions they serve.</summary>
    public static async Task<Results<Ok<IReadOnlyList<VacancyReportResponse>>, ValidationProblem>> ListForRegion(
        ClaimsPrincipal caller, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken, string? month = null, string? region = null)
    {
        var validation = new Validation().Require(VacancyReportMonth.IsValid(month, clock.GetUtcNow().UtcDateTime), "month", "The month is yyyy-MM.");
        if (region is not null) validation.RequireRegionCode(region, "region");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE month = @month AND region_code LIKE @prefix ORDER BY region_code, total_vacancies DESC, id LIMIT 5000",
            new { month, prefix = RegionCodes.Prefix(region ?? RegionCodes.Whole) + "%" }, cancellationToken: cancellationToken));
        return TypedResults.Ok<IReadOnlyList<VacancyReportResponse>>(
            rows.Where(row => caller.MayServeRegion(row.RegionCode)).Select(row => row.ToResponse()).ToList());
    }

    /// <summary>
    /// The reports of a month in a region the caller serves, added up per occupation group: each line's 细类 is the code
    /// it gives, else the one its code or name names (as postings derive theirs), grouped by <see cref="ReportGrouping"/>;
    /// lines no 细类 could be found for count under a null code. Most vacancies first.
    /// </summary>
    public static async Task<Results<Ok<VacancyReportTotals>, ValidationProblem, NotFound>> TotalsByOccupation(
        ClaimsPrincipal caller, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken,
        string? month = null, string? region = null, string? scheme = null, string? level = null)
    {
        var validation = new Validation().Require(VacancyReportMonth.IsValid(month, clock.GetUtcNow().UtcDateTime), "month", "The month is yyyy-MM.")
            .RequireRegionCode(region, "region")
            .Require(ReportGrouping.TryParseScheme(scheme, out _), "scheme", ReportGrouping.InvalidScheme)
            .Require(ReportGrouping.TryParseLevel(level, out _), "level", ReportGrouping.InvalidLevel);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(region!)) return TypedResults.NotFound();
        ReportGrouping.TryParse(scheme, level, out var grouping);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE month = @month AND region_code LIKE @prefix", new { month, prefix = RegionCodes.Prefix(region!) + "%" }, cancellationToken: cancellationToken));
        var taxonomy = SkillTaxonomy.Shared;
        var lines = rows.SelectMany(row => row.ToResponse().Lines).Select(line =>
            (Group: grouping.GroupOfOccupation(taxonomy.NationalCodeFor(line.OccupationCode, [line.OccupationCode, line.OccupationName], line.OccupationName)), Line: line));
        var totals = lines.GroupBy(each => each.Group?.Code)
            .Select(group => new VacancyReportTotal(group.Key, group.First().Group?.Name, group.First().Group?.NameEn,
                group.Sum(each => each.Line.Vacancies ?? 0), group.Sum(each => each.Line.PlannedHires ?? 0)))
            .OrderByDescending(total => total.Vacancies).ThenBy(total => total.OccupationCode, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new VacancyReportTotals(region!, month!, grouping.SchemeName, grouping.LevelName, totals.Sum(t => t.Vacancies), totals));
    }

    private const string Select = "SELECT id, employer_id, region_code, month, lines::text AS lines, total_vacancies, filed_at, updated_at FROM vacancy_reports";

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid EmployerId { get; init; }
        public string RegionCode { get; init; } = "";
        public string Month { get; init; } = "";
        public string Lines { get; init; } = "[]";
        public int TotalVacancies { get; init; }
        public DateTime FiledAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public VacancyReportResponse ToResponse() => new(Id, EmployerId, RegionCode, Month,
            JsonSerializer.Deserialize<List<VacancyReportLine>>(Lines, LinesJson)!, TotalVacancies, FiledAt, UpdatedAt);
    }
}
