using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace JobPostings.Tests.Integration;

/// <summary>The service with a salary guide that trusts three postings, refreshed on the interval a test class asks for.</summary>
public abstract class SalaryGuideHost : PostingsHost
{
    protected override bool HostPerTest => true; // judges or lists every posting stored

    protected static readonly Uri Guide = new("/api/postings/salary-guide", UriKind.Relative);

    protected abstract string RefreshInterval { get; }

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Postings:SalaryGuide:MinimumSample"] = "3";
        settings["Postings:SalaryGuide:RefreshInterval"] = RefreshInterval;
    }

    protected static object Paid(string occupation, string region, decimal min, decimal max, string[]? skills = null) => new
    {
        title = "岗位 " + Guid.NewGuid().ToString("N")[..8], // distinct content: not copies of each other
        description = "负责日常工作。",
        occupationCode = occupation,
        skills = skills ?? ["仓库管理"],
        regionCode = region,
        salaryMin = min,
        salaryMax = max,
    };

    protected async Task PublishAsync(params object[] postings)
    {
        foreach (var body in postings) Assert.Equal(PostingStatus.Published, (await SubmitAsync(Guid.NewGuid(), body)).Status);
    }

    /// <summary>Refreshes now, after any refresh already running, so it sees everything committed before the call.</summary>
    protected Task RefreshAsync() => Factory.Services.GetRequiredService<SalaryGuideStore>().RefreshAsync(skipIfBusy: false, default);

    protected async Task<SalaryGuideResponse> GuideAsync(string query)
    {
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        return (await caseworker.GetFromJsonAsync<SalaryGuideResponse>(new Uri(Guide + query, UriKind.Relative), Json))!;
    }
}

/// <summary>
/// The salary guide on the real database: quartiles of published postings' pay per occupation and league, the
/// fallback to the region and the occupation group, and screening's pay check reading it. Refreshed by the tests.
/// </summary>
public sealed class SalaryGuideTests : SalaryGuideHost
{
    protected override string RefreshInterval => "01:00:00";

    [Fact]
    public async Task The_guide_has_the_quartiles_of_published_pay_per_occupation_and_league_and_falls_back_to_wider_ones()
    {
        // Three warehouse jobs in Baotou (league 1502) paying 4,500, 5,500 and 6,500 in the middle of their ranges, one in Hohhot.
        await PublishAsync(Paid("4-02-06", "150203", 4000, 5000), Paid("4-02-06", "150204", 5000, 6000), Paid("4-02-06", "150205", 6000, 7000),
            Paid("4-02-06", "150102", 8000, 8000));
        using (var owner = Factory.ClientWithToken(EmployerToken(Guid.NewGuid())))
            Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/postings", Paid("4-02-06", "150203", 90000, 90000))).StatusCode); // a draft: never counted
        await RefreshAsync();

        var baotou = await GuideAsync("?occupation=4-02-06&region=150203");
        var hohhot = await GuideAsync("?occupation=4-02-06&region=150102");
        var related = await GuideAsync("?occupation=4-02-99&region=150203");

        var league = Assert.Single(baotou.Entries, entry => entry is { Scope: "occupation", Area: "1502" });
        Assert.Equal((3, 5000m, 5500m, 6000m), (league.Postings, league.LowerQuartile, league.Median, league.UpperQuartile));
        Assert.Equal(4, Assert.Single(baotou.Entries, entry => entry is { Scope: "occupation", Area: "15" }).Postings);
        Assert.Equal(("occupation", "4-02-06", "1502"), (baotou.Benchmark!.Scope, baotou.Benchmark.Occupation, baotou.Benchmark.Area));
        // Hohhot has one posting, below the minimum sample: the whole region's figure is used.
        Assert.Equal(("occupation", "15", 4), (hohhot.Benchmark!.Scope, hohhot.Benchmark.Area, hohhot.Benchmark.Postings));
        // An occupation nobody posted falls back to its group (4-02) in the league.
        Assert.Equal(("group", "4-02", "1502"), (related.Benchmark!.Scope, related.Benchmark.Occupation, related.Benchmark.Area));
        Assert.Equal(3, baotou.MinimumSample);
        Assert.NotNull(baotou.RefreshedAt);
    }

    [Fact]
    public async Task The_guide_by_the_national_classification_has_quartiles_per_occupation_and_each_group_above_it_named()
    {
        object Coded(string national, string region, decimal min, decimal max) => new
        {
            title = "岗位 " + Guid.NewGuid().ToString("N")[..8], description = "负责日常工作。", skills = new[] { "安全驾驶" }, regionCode = region,
            salaryMin = min, salaryMax = max, nationalOccupationCode = national,
        };
        // Lorry drivers in Baotou at 6,000, 7,000 and 8,000; a bus driver (same 小类) at 9,000; a welder (another 大类).
        await PublishAsync(Coded("4-02-02-02", "150203", 6000, 6000), Coded("4-02-02-02", "150204", 6500, 7500), Coded("4-02-02-02", "150205", 8000, 8000),
            Coded("4-02-02-01", "150203", 9000, 9000), Coded("6-18-02-04", "150203", 5000, 5000));
        await RefreshAsync();

        var lorry = await GuideAsync("?scheme=national&occupation=4-02-02-02&region=150203");
        var all = await GuideAsync("?scheme=national&region=150200");
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var unknown = await caseworker.GetAsync(new Uri(Guide + "?scheme=national&occupation=4-02-02-99", UriKind.Relative));
        using var badScheme = await caseworker.GetAsync(new Uri(Guide + "?scheme=isco", UriKind.Relative));

        Assert.Equal("national", lorry.Scheme);
        Assert.Null(lorry.Benchmark);
        var league = Assert.Single(lorry.Entries, entry => entry is { Scope: "occupation", Area: "1502" });
        Assert.Equal(("4-02-02-02", 3, 6500m, 7000m, 7500m), (league.Occupation, league.Postings, league.LowerQuartile, league.Median, league.UpperQuartile));
        var minor = Assert.Single(lorry.Entries, entry => entry is { Scope: "minorGroup", Area: "1502" });
        Assert.Equal(("4-02-02", 4, 7500m), (minor.Occupation, minor.Postings, minor.Median));
        Assert.Equal(["4-02-02-02", "4-02-02", "4-02", "4"], lorry.Entries.Where(entry => entry.Area == "1502").Select(entry => entry.Occupation));
        Assert.Equal("道路货运汽车驾驶员", Assert.Single(lorry.Names!, name => name.Code == "4-02-02-02").Name);
        var services = Assert.Single(all.Entries, entry => entry is { Scope: "majorGroup", Occupation: "4", Area: "15" });
        Assert.Equal((4, 7500m), (services.Postings, services.Median));
        Assert.Equal(1, Assert.Single(all.Entries, entry => entry is { Scope: "majorGroup", Occupation: "6", Area: "1502" }).Postings);
        Assert.Equal(["occupation"], await ProblemAssert.IsValidationProblemAsync(unknown));
        Assert.Equal(["scheme"], await ProblemAssert.IsValidationProblemAsync(badScheme));
    }

    [Fact]
    public async Task Pay_is_judged_against_its_own_occupations_market_not_a_constant()
    {
        await PublishAsync(Paid("4-02-06", "150203", 4000, 5000), Paid("4-02-06", "150203", 4500, 5500), Paid("4-02-06", "150203", 5000, 6000),
            Paid("2-02-10", "150203", 15000, 25000, ["Spark"]), Paid("2-02-10", "150203", 16000, 24000, ["Hive"]), Paid("2-02-10", "150203", 14000, 22000, ["Java"]));
        await RefreshAsync();

        // The same 18,000 asking for nothing: a lure for warehouse work, ordinary for a developer.
        var packer = await SubmitAsync(Guid.NewGuid(), Paid("4-02-06", "150203", 18000, 25000, skills: []));
        var developer = await SubmitAsync(Guid.NewGuid(), Paid("2-02-10", "150203", 18000, 25000, skills: []));

        Assert.Equal(PostingStatus.NeedsReview, packer.Status);
        var flag = Assert.Single(await Factory.Services.GetRequiredService<PostingStore>().FlagsAsync(packer.Id, default));
        Assert.Equal(("implausible-pay.market", ScreeningKinds.ImplausiblePay), (flag.Rule, flag.Kind));
        Assert.Contains("occupation 4-02-06 in 1502: median 5000", flag.MatchedText, StringComparison.Ordinal);
        Assert.Equal(PostingStatus.Published, developer.Status);
    }

    [Fact]
    public async Task With_too_few_postings_anywhere_there_is_no_market_to_judge_by()
    {
        await PublishAsync(Paid("4-02-06", "150203", 4000, 5000));
        await RefreshAsync();

        var guide = await GuideAsync("?occupation=4-02-06&region=150203");
        var lure = await SubmitAsync(Guid.NewGuid(), Paid("4-02-06", "150203", 18000, 25000, skills: []));

        Assert.Null(guide.Benchmark);
        Assert.Contains(guide.Entries, entry => entry.Postings == 1);
        Assert.Equal(PostingStatus.Published, lure.Status);
    }

    [Fact]
    public async Task The_guide_is_for_staff_and_its_filters_are_validated()
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));
        using var anonymous = Factory.CreateClient();

        using var bySeeker = await seeker.GetAsync(Guide);
        using var byEmployer = await employer.GetAsync(Guide);
        using var byAdministrator = await administrator.GetAsync(Guide);
        using var byNobody = await anonymous.GetAsync(Guide);
        using var badRegion = await administrator.GetAsync(new Uri(Guide + "?region=110000&occupation=" + new string('x', 101), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, bySeeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(["occupation", "region"], await ProblemAssert.IsValidationProblemAsync(badRegion));
    }
}

/// <summary>The guide keeps itself current: the service refreshes it on its timer, no one has to ask.</summary>
public sealed class SalaryGuideRefreshTests : SalaryGuideHost
{
    protected override string RefreshInterval => "00:00:00.300";

    [Fact]
    public async Task The_guide_refreshes_itself_on_its_timer()
    {
        await PublishAsync(Paid("6-18-02", "150203", 7000, 9000), Paid("6-18-02", "150203", 8000, 10000), Paid("6-18-02", "150203", 6000, 8000));

        var guide = await Eventually.GetAsync(() => GuideAsync("?occupation=6-18-02&region=150203"),
            guide => guide.Benchmark is { Postings: 3 }, "the refresh picked up the three welders");

        Assert.Equal(8000m, guide.Benchmark!.Median);
    }
}
