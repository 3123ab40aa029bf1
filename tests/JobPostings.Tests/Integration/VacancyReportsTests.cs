using System.Net;
using System.Net.Http.Json;
using System.Text;
using JobMatch.Testing;
using JobPostings.Api.VacancyReports;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobPostings.Tests.Integration;

/// <summary>Key enterprises file monthly vacancy reports; caseworkers list them by region and month.</summary>
public sealed class VacancyReportsTests : PostingsHost
{
    protected override bool HostPerTest => true;

    private static readonly string ThisMonth = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An employer token carrying key_enterprise=true, as the issuer writes it for enterprises on the bureau's list.</summary>
    private static string KeyEnterpriseToken(Guid employerId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "jobmatch-dev",
        Audience = "jobmatch",
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(), ["role"] = "employer", ["employer_id"] = employerId.ToString(), [VacancyReportsApi.KeyEnterpriseClaim] = "true",
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSecrets.SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    private static object Report(string regionCode, params (string Occupation, int Vacancies)[] lines) => new
    {
        regionCode,
        lines = lines.Select(line => new { occupationCode = line.Occupation, occupationName = "电焊工", vacancies = line.Vacancies, plannedHires = line.Vacancies + 2 }),
    };

    [Fact]
    public async Task Vacancy_reports_add_up_per_national_occupation_group_for_staff_of_the_region()
    {
        using (var first = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid())))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", new
            {
                regionCode = "150203",
                lines = new object[]
                {
                    new { occupationCode = "4-02-02-02", occupationName = "货车司机", vacancies = 5, plannedHires = 6 },
                    new { occupationCode = (string?)null, occupationName = "焊工", vacancies = 3, plannedHires = 3 },  // named, not coded
                    new { occupationCode = (string?)null, occupationName = "Q7", vacancies = 1, plannedHires = 0 }, // names no 细类
                },
            })).StatusCode);
        }
        using (var second = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid())))
        {
            Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", new
            {
                regionCode = "150205",
                lines = new[] { new { occupationCode = "4-02-02-01", occupationName = "客车司机", vacancies = 2, plannedHires = 2 } },
            })).StatusCode);
        }
        using var baotou = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var minor = (await baotou.GetFromJsonAsync<VacancyReportTotals>(new Uri($"/api/vacancy-reports/by-occupation?month={ThisMonth}&region=150200&level=minorGroup", UriKind.Relative), Json))!;
        var fine = (await baotou.GetFromJsonAsync<VacancyReportTotals>(new Uri($"/api/vacancy-reports/by-occupation?month={ThisMonth}&region=150200", UriKind.Relative), Json))!;
        using var elsewhere = await hohhot.GetAsync(new Uri($"/api/vacancy-reports/by-occupation?month={ThisMonth}&region=150200", UriKind.Relative));
        using var bad = await baotou.GetAsync(new Uri($"/api/vacancy-reports/by-occupation?month={ThisMonth}&region=150200&scheme=x&level=y", UriKind.Relative));

        Assert.Equal(("national", "minorGroup", 11), (minor.Scheme, minor.Level, minor.Vacancies));
        Assert.Equal([("4-02-02", "道路运输服务人员", 7, 8), ("6-18-02", null, 3, 3), (null, null, 1, 0)],
            minor.Occupations.Select(o => (o.OccupationCode, o.OccupationCode == "4-02-02" ? o.OccupationName : null, o.Vacancies, o.PlannedHires)));
        Assert.Equal(["4-02-02-02", "6-18-02-04", "4-02-02-01", null], fine.Occupations.Select(o => o.OccupationCode));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(["level", "scheme"], (await ProblemAssert.IsValidationProblemAsync(bad)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_key_enterprise_files_a_monthly_report_and_refiling_replaces_it()
    {
        var employerId = Guid.NewGuid();
        using var enterprise = Factory.ClientWithToken(KeyEnterpriseToken(employerId));

        using var first = await enterprise.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report("150203", ("6-18-02", 10)));
        using var second = await enterprise.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report("150203", ("6-18-02", 4), ("4-02-06", 3)));
        var mine = (await enterprise.GetFromJsonAsync<List<VacancyReportResponse>>(new Uri("/api/vacancy-reports/mine", UriKind.Relative), Json))!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var report = Assert.Single(mine);
        Assert.Equal((ThisMonth, 7, 2), (report.Month, report.TotalVacancies, report.Lines.Count));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox WHERE message_type = 'JobMatch.Contracts.VacancyReportFiled'";
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_employer_that_is_not_a_key_enterprise_may_not_file()
    {
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await employer.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report("150203", ("6-18-02", 10)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_report_names_each_bad_field()
    {
        using var enterprise = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid()));

        using var badMonth = await enterprise.PutAsJsonAsync("/api/vacancy-reports/2026-13", Report("150203", ("6-18-02", 1)));
        using var badLine = await enterprise.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}",
            new { regionCode = "110000", lines = new[] { new { occupationCode = "", vacancies = -1 } } });

        Assert.Equal(["month"], await ProblemAssert.IsValidationProblemAsync(badMonth));
        Assert.Equal(["lines[0].occupationCode", "lines[0].vacancies", "regionCode"], await ProblemAssert.IsValidationProblemAsync(badLine));
    }

    [Fact]
    public async Task Caseworkers_list_the_reports_of_their_regions_by_month_and_employers_cannot()
    {
        using (var baotou = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid())))
            (await baotou.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report("150203", ("6-18-02", 10)))).EnsureSuccessStatusCode();
        using (var hohhot = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid())))
            (await hohhot.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report("150102", ("4-02-06", 5)))).EnsureSuccessStatusCode();
        using var baotouCaseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));
        using var employer = Factory.ClientWithToken(KeyEnterpriseToken(Guid.NewGuid()));

        var ownRegion = (await baotouCaseworker.GetFromJsonAsync<List<VacancyReportResponse>>(new Uri($"/api/vacancy-reports?month={ThisMonth}", UriKind.Relative), Json))!;
        var everywhere = (await administrator.GetFromJsonAsync<List<VacancyReportResponse>>(new Uri($"/api/vacancy-reports?month={ThisMonth}&region=150000", UriKind.Relative), Json))!;
        var hohhotOnly = (await administrator.GetFromJsonAsync<List<VacancyReportResponse>>(new Uri($"/api/vacancy-reports?month={ThisMonth}&region=150100", UriKind.Relative), Json))!;
        var otherMonth = (await administrator.GetFromJsonAsync<List<VacancyReportResponse>>(new Uri("/api/vacancy-reports?month=2020-01", UriKind.Relative), Json))!;
        using var byEmployer = await employer.GetAsync(new Uri($"/api/vacancy-reports?month={ThisMonth}", UriKind.Relative));

        Assert.Equal(["150203"], ownRegion.Select(report => report.RegionCode));
        Assert.Equal(["150102", "150203"], everywhere.Select(report => report.RegionCode));
        Assert.Equal(["150102"], hohhotOnly.Select(report => report.RegionCode));
        Assert.Empty(otherMonth);
        Assert.Equal(HttpStatusCode.Forbidden, byEmployer.StatusCode);
    }
}
