using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.LayoffReports;

namespace JobPostings.Tests.Integration;

/// <summary>Lay-off reports (规模性裁员减员报告): filed by a registered organisation, read by caseworkers of its region.</summary>
public sealed class LayoffReportsTests : OrganisationsHost
{
    private static object Report(int affected = 35, int? workforce = 300, string reasonCode = LayoffReasons.Difficulty,
        string reason = "受市场影响订单减少，乳制品二车间停产。") => new
    {
        affected, workforce, effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), reasonCode, reason,
    };

    private async Task<List<LayoffReportResponse>> ListAsync(string token, string path)
    {
        using var client = Factory.ClientWithToken(token);
        return (await client.GetFromJsonAsync<List<LayoffReportResponse>>(new Uri(path, UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task An_organisation_files_a_layoff_report_that_caseworkers_of_its_region_see_on_the_early_warning_list()
    {
        var employerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, Guid.NewGuid());
        using var hr = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));

        using var filed = await hr.PostAsJsonAsync("/api/layoff-reports", Report());
        var report = (await filed.Content.ReadFromJsonAsync<LayoffReportResponse>(Json))!;
        using var small = await hr.PostAsJsonAsync("/api/layoff-reports", Report(affected: 5, workforce: 200, reasonCode: LayoffReasons.Other, reason: "劳动合同到期不再续订。"));

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(("150105", organisation.LegalName, 35, true), (report.RegionCode, report.OrganisationName, report.Affected, report.Statutory));
        Assert.False((await small.Content.ReadFromJsonAsync<LayoffReportResponse>(Json))!.Statutory);
        var hohhot = await ListAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), "/api/layoff-reports?region=150100");
        Assert.Equal([5, 35], hohhot.Where(r => r.OrganisationId == employerId).Select(r => r.Affected));
        Assert.Contains(hohhot, r => r.Reason.EndsWith("乳制品二车间停产。", StringComparison.Ordinal));
        Assert.Equal(2, (await ListAsync(TestTokens.Employer(Guid.NewGuid(), employerId), "/api/layoff-reports/mine")).Count);
        Assert.Empty(await ListAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), "/api/layoff-reports/mine"));
        var baotou = TestTokens.Caseworker(Guid.NewGuid(), "150200");
        Assert.DoesNotContain(await ListAsync(baotou, "/api/layoff-reports?region=150200"), r => r.OrganisationId == employerId);
        using (var outOfRegion = Factory.ClientWithToken(baotou))
        {
            using var refused = await outOfRegion.GetAsync(new Uri("/api/layoff-reports?region=150100", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var events = (await connection.QueryAsync<string>(
            "SELECT body::text FROM outbox WHERE message_type = 'JobMatch.Contracts.LayoffReportFiled' AND body->>'organisationId' = @id",
            new { id = employerId.ToString() })).AsList();
        Assert.Equal(2, events.Count);
        Assert.All(events, body => Assert.DoesNotContain("车间", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_layoff_report_is_validated_field_by_field_and_needs_a_registered_organisation()
    {
        var employerId = Guid.NewGuid();
        await RegisterAsync(employerId, Guid.NewGuid());
        using var hr = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        using var unregistered = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        using var wrong = await hr.PostAsJsonAsync("/api/layoff-reports", new
        {
            affected = 0, workforce = -3, effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(3)), reasonCode = "cheaper", reason = " \u200b ",
        });
        using var biggerThanWorkforce = await hr.PostAsJsonAsync("/api/layoff-reports", Report(affected: 50, workforce: 40));
        using var nothing = await hr.PostAsJsonAsync("/api/layoff-reports", new { });
        using var noOrganisation = await unregistered.PostAsJsonAsync("/api/layoff-reports", Report());
        using var bySeeker = await seeker.PostAsJsonAsync("/api/layoff-reports", Report());
        using var byCaseworker = await caseworker.PostAsJsonAsync("/api/layoff-reports", Report());
        using var noRegion = await caseworker.GetAsync(new Uri("/api/layoff-reports", UriKind.Relative));
        using var seekerLists = await seeker.GetAsync(new Uri("/api/layoff-reports?region=150100", UriKind.Relative));

        Assert.Equal(["affected", "effectiveOn", "reason", "reasonCode", "workforce"], await ProblemAssert.IsValidationProblemAsync(wrong));
        Assert.Equal(["workforce"], await ProblemAssert.IsValidationProblemAsync(biggerThanWorkforce));
        Assert.Equal(["affected", "effectiveOn", "reason", "reasonCode"], await ProblemAssert.IsValidationProblemAsync(nothing));
        Assert.Equal(["organisation"], await ProblemAssert.IsValidationProblemAsync(noOrganisation));
        Assert.Equal(HttpStatusCode.Forbidden, bySeeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCaseworker.StatusCode);
        Assert.Equal(["region"], await ProblemAssert.IsValidationProblemAsync(noRegion));
        Assert.Equal(HttpStatusCode.Forbidden, seekerLists.StatusCode);
        Assert.Empty(await ListAsync(TestTokens.Employer(Guid.NewGuid(), employerId), "/api/layoff-reports/mine"));
    }
}
