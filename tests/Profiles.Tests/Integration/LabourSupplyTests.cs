using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Domain.Monitoring;
using JobMatch.Testing;
using Profiles.Api.Monitoring;

namespace Profiles.Tests.Integration;

/// <summary>
/// The supply side of labour-market monitoring on the real database: seekers registered in the month per 细类 they seek,
/// placements by key group, key-group seekers unplaced after six months. Counts only.
/// </summary>
public sealed class LabourSupplyTests : ProfilesHost
{
    private const string Welder = "6-18-02-04";
    private const string LorryDriver = "4-02-02-02";

    [Fact]
    public async Task Labour_supply_counts_new_seekers_per_occupation_placements_by_key_group_and_long_unplaced()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SavedAsync(Seeking(Welder, "150203", new() { ["education"] = new[] { new { level = "bachelor", graduationDate = Day(today.AddMonths(-6)) } } }));
        var veteran = await SavedAsync(Seeking(Welder, "150205", new() { ["veteran"] = new { dischargeDate = Day(today.AddYears(-1)), branch = "陆军" } }));
        var rural = await SavedAsync(Seeking(LorryDriver, "150203", new() { ["ruralResidence"] = true }));
        await SavedAsync(Seeking(Welder, "150102", new() { ["ruralResidence"] = true })); // Hohhot: another league
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE profiles SET placed_at = now() WHERE seeker_id = @veteran", new { veteran });
            await connection.ExecuteAsync("UPDATE profiles SET created_at = now() - interval '8 months' WHERE seeker_id = @rural", new { rural });
        }

        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        var supply = (await caseworker.GetFromJsonAsync<LabourSupply>(Query("150200", ThisMonth), Json))!;

        Assert.Equal(2, supply.Seekers); // the rural worker registered eight months ago
        var welders = Assert.Single(supply.Occupations);
        Assert.Equal((Welder, "焊工", 2), (welders.OccupationCode, welders.OccupationName, welders.Seekers));
        Assert.Equal([("graduate", 0), ("veteran", 1), ("rural-worker", 0), ("employment-difficulty", 0), ("none", 0)],
            supply.PlacementsByKeyGroup.Select(p => (p.KeyGroup, p.Placements)));
        var waiting = Assert.Single(supply.LongUnplaced);
        Assert.Equal(("rural-worker", "150203", 1), (waiting.KeyGroup, waiting.RegionCode, waiting.Seekers));

        var banner = (await caseworker.GetFromJsonAsync<LabourSupply>(Query("150205", ThisMonth), Json))!;
        Assert.Equal(1, banner.Seekers);
    }

    [Fact]
    public async Task Labour_supply_groups_by_a_level_of_the_national_classification_or_by_esco_through_the_crosswalk()
    {
        // Ordos: an area the other tests of this class do not count.
        await SavedAsync(Seeking(Welder, "150602", new()));
        await SavedAsync(Seeking(LorryDriver, "150602", new()));
        await SavedAsync(Seeking("4-02-02-01", "150603", new()));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150600"));

        var middle = (await caseworker.GetFromJsonAsync<LabourSupply>(new Uri($"/api/profiles/monitoring/supply?region=150600&month={ThisMonth}&level=middleGroup", UriKind.Relative), Json))!;
        Assert.Equal(("national", "middleGroup"), (middle.Scheme, middle.Level));
        Assert.Equal([("4-02", "交通运输、仓储物流和邮政业服务人员", 2), ("6-18", "机械制造基础加工人员", 1)], middle.Occupations.Select(o => (o.OccupationCode!, o.OccupationName!, o.Seekers)));
        var esco = (await caseworker.GetFromJsonAsync<LabourSupply>(new Uri($"/api/profiles/monitoring/supply?region=150600&month={ThisMonth}&scheme=esco", UriKind.Relative), Json))!;
        var taxonomy = Matching.Taxonomy.SkillTaxonomy.Shared;
        Assert.Equal(new[] { "4-02-02-01", LorryDriver, Welder }.Select(code => taxonomy[taxonomy.EscoOccupationsOf(code, orUnitGroup: false)[0]].EscoUri).Order(StringComparer.Ordinal),
            esco.Occupations.Select(o => o.OccupationCode!).Order(StringComparer.Ordinal));
        using var bad = await caseworker.GetAsync(new Uri($"/api/profiles/monitoring/supply?region=150600&month={ThisMonth}&scheme=isco&level=4", UriKind.Relative));
        Assert.Equal(["level", "scheme"], (await ProblemAssert.IsValidationProblemAsync(bad)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Labour_supply_is_for_staff_of_the_region_and_its_filters_are_validated()
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var employer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync(Query("150200", ThisMonth))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync(Query("150200", ThisMonth))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hohhot.GetAsync(Query("150200", ThisMonth))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hohhot.GetAsync(Query("150102", ThisMonth))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(Query("150200", ThisMonth))).StatusCode);

        Assert.Contains("region", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(new Uri("/api/profiles/monitoring/supply?month=" + ThisMonth, UriKind.Relative))));
        Assert.Contains("month", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(Query("150100", "2026-1"))));
        var nextMonth = MonitoringMonth.Format(MonitoringMonth.Current(DateTimeOffset.UtcNow).AddMonths(1));
        Assert.Contains("month", await ProblemAssert.IsValidationProblemAsync(await hohhot.GetAsync(Query("150100", nextMonth))));
    }

    private static string ThisMonth => MonitoringMonth.Format(MonitoringMonth.Current(DateTimeOffset.UtcNow));

    private static Uri Query(string region, string month) => new($"/api/profiles/monitoring/supply?region={region}&month={month}", UriKind.Relative);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A profile seeking one occupation in a place, with the facts its key group is derived from.</summary>
    private static Dictionary<string, object?> Seeking(string occupation, string region, Dictionary<string, object?> facts)
    {
        var profile = Profile(regionCode: region);
        profile["nationalOccupationCode"] = occupation;
        foreach (var (name, value) in facts) profile[name] = value;
        return profile;
    }
}
