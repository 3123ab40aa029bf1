using System.Security.Claims;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JobPostings.Api.LayoffReports;

/// <summary>
/// Lay-off reports (规模性裁员减员报告): an HR user of a registered organisation files one; caseworkers of the
/// organisation's region read them on the early-warning list of labour-market monitoring (docs/decisions/066). The
/// region is the organisation's, never the caller's word.
/// </summary>
public static class LayoffReportsApi
{
    /// <summary>The early-warning list reaches this far back.</summary>
    public const int ListDays = 365;

    private const int ListLength = 500;

    public static IEndpointRouteBuilder MapLayoffReportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapApiGroup("/api/layoff-reports", "Lay-off reports", "Organisations' reports of lay-offs (规模性裁员减员报告), for caseworkers' early warnings.");
        reports.MapPost("/", File).RequireAuthorization(Policies.Employer)
            .WithName("FileLayoffReport").WithSummary("An HR user of a registered organisation files a lay-off report: how many, from when, why.");
        reports.MapGet("/mine", ListMine).RequireAuthorization(Policies.Employer)
            .WithName("ListMyLayoffReports").WithSummary("The caller's organisation's lay-off reports, newest first.");
        reports.MapGet("/", ListForRegion).RequireAuthorization(Policies.Staff)
            .WithName("ListLayoffReports").WithSummary("Lay-off reports of the last year in a league or banner the caller serves, newest first.");
        return endpoints;
    }

    public static async Task<Results<Created<LayoffReportResponse>, ValidationProblem>> File(
        FileLayoffReportRequest request, ClaimsPrincipal caller, OrganisationStore organisations, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (reason, validation) = request.Check(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime));
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var employerId = caller.EmployerId()!.Value;
        return await transactions.RunAsync<Results<Created<LayoffReportResponse>, ValidationProblem>>(async transaction =>
        {
            var organisation = await organisations.LockAsync(transaction, employerId);
            if (organisation is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["organisation"] = ["Register your organisation before filing a lay-off report."],
                });
            }
            var row = await transaction.QuerySingleOrDefaultAsync<Row>(
                $"""
                WITH filed AS (
                    INSERT INTO layoff_reports (id, organisation_id, region_code, affected, workforce, effective_on, reason_code, reason, filed_by)
                    VALUES (@id, @employerId, @RegionCode, @Affected, @Workforce, @effectiveOn, @ReasonCode, @reason, @filedBy)
                    RETURNING *)
                SELECT {Columns} FROM filed r JOIN organisations o ON o.id = r.organisation_id
                """,
                new
                {
                    id = Guid.CreateVersion7(), employerId, organisation.RegionCode, request.Affected, request.Workforce,
                    effectiveOn = request.EffectiveOn!.Value.ToDateTime(TimeOnly.MinValue), request.ReasonCode, reason, filedBy = caller.UserId(),
                });
            await transaction.PublishAsync(new LayoffReportFiled(row!.Id, employerId, row.RegionCode, row.Affected, request.EffectiveOn.Value,
                row.ReasonCode, now));
            return TypedResults.Created($"/api/layoff-reports/{row.Id}", row.ToResponse());
        }, cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<LayoffReportResponse>>> ListMine(ClaimsPrincipal caller, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM layoff_reports r JOIN organisations o ON o.id = r.organisation_id WHERE r.organisation_id = @employerId ORDER BY r.filed_at DESC LIMIT @limit",
            new { employerId = caller.EmployerId(), limit = ListLength }, cancellationToken: cancellationToken));
        return TypedResults.Ok<IReadOnlyList<LayoffReportResponse>>(rows.Select(row => row.ToResponse()).ToList());
    }

    /// <summary>A division the caller does not serve is 404, as in monitoring.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LayoffReportResponse>>, ValidationProblem, NotFound>> ListForRegion(
        ClaimsPrincipal caller, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken, string? region = null)
    {
        var validation = new Validation().RequireRegionCode(region, "region");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(region!)) return TypedResults.NotFound();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM layoff_reports r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.region_code LIKE @prefix AND r.filed_at >= @since ORDER BY r.filed_at DESC, r.id LIMIT @limit
            """,
            new { prefix = RegionCodes.Prefix(region!) + "%", since = clock.GetUtcNow().UtcDateTime.AddDays(-ListDays), limit = ListLength },
            cancellationToken: cancellationToken));
        return TypedResults.Ok<IReadOnlyList<LayoffReportResponse>>(rows.Select(row => row.ToResponse()).ToList());
    }

    private const string Columns =
        "r.id, r.organisation_id, o.legal_name AS organisation_name, o.credit_code, r.region_code, r.affected, r.workforce, r.effective_on, " +
        "r.reason_code, r.reason, r.filed_at";

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public string CreditCode { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public int Affected { get; init; }
        public int? Workforce { get; init; }
        public DateTime EffectiveOn { get; init; }
        public string ReasonCode { get; init; } = "";
        public string Reason { get; init; } = "";
        public DateTime FiledAt { get; init; }

        public LayoffReportResponse ToResponse() => new(Id, OrganisationId, OrganisationName, CreditCode, RegionCode, Affected, Workforce,
            DateOnly.FromDateTime(EffectiveOn), ReasonCode, Reason, FiledAt);
    }
}
