using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Domain.Monitoring;
using JobMatch.Testing;
using JobPostings.Api.Monitoring;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

/// <summary>
/// The demand side of labour-market monitoring on the real database: vacancies and posted pay per 细类 in an area and
/// month, last month beside them, and the occupations whose vacancies fell.
/// </summary>
public sealed class LabourDemandTests : PostingsHost
{
    private const string Welder = "6-18-02-04";
    private const string LorryDriver = "4-02-02-02";

    protected override bool HostPerTest => true; // counts every posting of the area

    [Fact]
    public async Task Labour_demand_counts_vacancies_and_pay_per_occupation_in_the_month_and_warns_of_drops()
    {
        var month = MonitoringMonth.Current(DateTimeOffset.UtcNow);
        await PublishAsync(Posting(Welder, "150203", 5, 5000, 7000), Posting(Welder, "150205", 3, 7000, 9000), Posting(LorryDriver, "150203", 2, 6000, 6000));
        await PublishAsync(Posting(Welder, "150102", 7, 20000, 20000)); // Hohhot: another league
        var lastMonth = await PublishAsync(Posting(LorryDriver, "150204", 12, 5000, 6000));
        await MovePublicationAsync(lastMonth, month.AddMonths(-1).AddSeconds(1)); // within the same days of last month as today is of this one
        using (var owner = Factory.ClientWithToken(EmployerToken(Guid.NewGuid())))
            Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/postings", Posting(Welder, "150203", 50, 9000, 9000))).StatusCode); // a draft

        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        var demand = (await caseworker.GetFromJsonAsync<LabourDemand>(Query("150200", MonitoringMonth.Format(month)), Json))!;

        Assert.Equal((10, 12), (demand.Vacancies, demand.PreviousVacancies));
        var welders = Assert.Single(demand.Occupations, o => o.OccupationCode == Welder);
        Assert.Equal((2, 8, 0, 2), (welders.Postings, welders.Vacancies, welders.PreviousVacancies, welders.PaySample));
        Assert.Equal((6500m, 7000m, 7500m), (welders.LowerQuartile, welders.Median, welders.UpperQuartile));
        Assert.Equal("焊工", welders.OccupationName);
        var drivers = Assert.Single(demand.Occupations, o => o.OccupationCode == LorryDriver);
        Assert.Equal((1, 2, 12), (drivers.Postings, drivers.Vacancies, drivers.PreviousVacancies));
        var drop = Assert.Single(demand.VacancyDrops);
        Assert.Equal((LorryDriver, 12, 2, 83), (drop.OccupationCode, drop.PreviousVacancies, drop.Vacancies, drop.DropPercent));

        // A banner narrows the area; last month's own figures are there a month later.
        var banner = (await caseworker.GetFromJsonAsync<LabourDemand>(Query("150205", MonitoringMonth.Format(month)), Json))!;
        Assert.Equal(3, Assert.Single(banner.Occupations).Vacancies);
        var previous = (await caseworker.GetFromJsonAsync<LabourDemand>(Query("150200", MonitoringMonth.Format(month.AddMonths(-1))), Json))!;
        Assert.Equal(12, Assert.Single(previous.Occupations).Vacancies);
    }

    [Fact]
    public async Task Labour_demand_groups_by_a_level_of_the_national_classification_or_by_esco_through_the_crosswalk()
    {
        var month = MonitoringMonth.Format(MonitoringMonth.Current(DateTimeOffset.UtcNow));
        const string BusDriver = "4-02-02-01", Cook = "4-03-02-01";
        await PublishAsync(Posting(Welder, "150203", 5, 5000, 7000), Posting(LorryDriver, "150203", 2, 6000, 6000), Posting(BusDriver, "150203", 3, 8000, 8000),
            Posting(Cook, "150203", 4, 4000, 4000));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        async Task<LabourDemand> Of(string query) =>
            (await caseworker.GetFromJsonAsync<LabourDemand>(new Uri($"/api/postings/monitoring/demand?region=150200&month={month}&{query}", UriKind.Relative), Json))!;
        var major = await Of("level=majorGroup");
        Assert.Equal(("national", "majorGroup"), (major.Scheme, major.Level));
        Assert.Equal([("4", 9), ("6", 5)], major.Occupations.Select(o => (o.OccupationCode!, o.Vacancies)));
        Assert.Equal("社会生产服务和生活服务人员", major.Occupations[0].OccupationName);
        // Pay quartiles are taken over the group's own postings, not averaged over its 细类.
        var middle = await Of("level=middleGroup");
        var transport = Assert.Single(middle.Occupations, o => o.OccupationCode == "4-02");
        Assert.Equal((2, 5, 7000m), (transport.Postings, transport.Vacancies, transport.Median));
        Assert.Equal(4, Assert.Single(middle.Occupations, o => o.OccupationCode == "4-03").Vacancies);
        var minor = await Of("level=minorGroup");
        Assert.Equal(5, Assert.Single(minor.Occupations, o => o.OccupationCode == "4-02-02").Vacancies);
        Assert.Equal(14, minor.Vacancies);

        var esco = await Of("scheme=esco");
        Assert.Equal(("esco", "occupation"), (esco.Scheme, esco.Level));
        Assert.Equal(14, esco.Vacancies);
        Assert.All(esco.Occupations, o => Assert.True(o.OccupationCode!.StartsWith("http://data.europa.eu/esco/occupation/", StringComparison.Ordinal)
            || o.OccupationCode.StartsWith("isco:", StringComparison.Ordinal), o.OccupationCode));
        var taxonomy = Matching.Taxonomy.SkillTaxonomy.Shared;
        var welder = taxonomy[taxonomy.EscoOccupationsOf(Welder, orUnitGroup: false)[0]];
        var welders = Assert.Single(esco.Occupations, o => o.OccupationCode == welder.EscoUri);
        Assert.Equal((5, welder.Label), (welders.Vacancies, welders.OccupationNameEn));

        using var bad = await caseworker.GetAsync(new Uri($"/api/postings/monitoring/demand?region=150200&month={month}&scheme=isco&level=3", UriKind.Relative));
        Assert.Equal(["level", "scheme"], (await ProblemAssert.IsValidationProblemAsync(bad)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Labour_demand_is_for_staff_of_the_region_and_its_filters_are_validated()
    {
        var month = MonitoringMonth.Format(MonitoringMonth.Current(DateTimeOffset.UtcNow));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync(Query("150200", month))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync(Query("150200", month))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hohhot.GetAsync(Query("150200", month))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hohhot.GetAsync(Query("150102", month))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(Query("150200", month))).StatusCode);

        Assert.Contains("region", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(new Uri("/api/postings/monitoring/demand?month=" + month, UriKind.Relative))));
        Assert.Contains("month", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(Query("150100", "2026-13"))));
        var nextMonth = MonitoringMonth.Format(MonitoringMonth.Current(DateTimeOffset.UtcNow).AddMonths(1));
        Assert.Contains("month", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(Query("150100", nextMonth))));
    }

    private static Uri Query(string region, string month) => new($"/api/postings/monitoring/demand?region={region}&month={month}", UriKind.Relative);

    private static object Posting(string occupation, string region, int vacancies, decimal min, decimal max) => new
    {
        title = "招聘 " + Guid.NewGuid().ToString("N")[..8], // distinct content: not copies of each other
        description = "负责日常生产工作。",
        nationalOccupationCode = occupation,
        skills = new[] { "安全生产" },
        regionCode = region,
        salaryMin = min,
        salaryMax = max,
        vacancies,
    };

    private async Task<Guid> PublishAsync(params object[] postings)
    {
        var id = Guid.Empty;
        foreach (var body in postings)
        {
            var posting = await SubmitAsync(Guid.NewGuid(), body);
            Assert.Equal(PostingStatus.Published, posting.Status);
            id = posting.Id;
        }
        return id;
    }

    /// <summary>As if the posting had been published on another day (the API stamps the moment it is called).</summary>
    private async Task MovePublicationAsync(Guid postingId, DateTimeOffset publishedAt)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE postings SET published_at = @publishedAt WHERE id = @postingId",
            new { postingId, publishedAt = publishedAt.UtcDateTime });
    }
}
