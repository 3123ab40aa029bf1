using System.Text.Json;
using JobMatch.Contracts;
using JobMatch.DemoData.Market;
using JobMatch.Domain.Organisations;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.PersonalData;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>
/// The demo region's generator (deploy/local/DemoData/Market), without any service: the market run.sh loads has the
/// size, spread and shape the demo needs, and the same seed always makes the same market.
/// </summary>
public sealed class DemoMarketTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Lazy<DemoMarket> Full = new(() => DemoMarket.Generate(DemoMarket.Seed, DemoScale.Full, Today));

    [Fact]
    public void The_same_seed_makes_the_same_market_and_another_seed_another()
    {
        var small = new DemoScale(30, 200, 300);
        var first = JsonSerializer.Serialize(DemoMarket.Generate(7, small, Today));
        var again = JsonSerializer.Serialize(DemoMarket.Generate(7, small, Today));
        var other = JsonSerializer.Serialize(DemoMarket.Generate(8, small, Today));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_full_market_has_the_size_the_demo_needs()
    {
        var market = Full.Value;

        Assert.True(market.Postings.Count >= 3000, $"{market.Postings.Count} postings");
        Assert.True(market.Employers.Count >= 300, $"{market.Employers.Count} employers");
        Assert.True(market.Seekers.Count >= 5000, $"{market.Seekers.Count} seekers");
        Assert.Equal(market.Employers.Count, market.Employers.Select(employer => employer.LegalName).Distinct().Count());
        Assert.All(market.Employers, employer => Assert.Contains(market.Postings, posting => market.Employers[posting.Employer] == employer));
    }

    [Fact]
    public void Every_league_has_postings_and_seekers_and_most_banners_have_someone()
    {
        var market = Full.Value;
        var leagues = InnerMongoliaRegions.Leagues.Select(league => league.Code).ToList();

        Assert.Equal(12, leagues.Count);
        Assert.All(leagues, league =>
        {
            Assert.Contains(market.Postings, posting => posting.RegionCode[..4] == league[..4]);
            Assert.Contains(market.Seekers, seeker => seeker.RegionCode[..4] == league[..4]);
        });
        var banners = InnerMongoliaRegions.Counties.Where(county => county.Kind == "banner-county").Select(county => county.Code).ToList();
        var reached = banners.Count(code => market.Postings.Any(posting => posting.RegionCode == code) || market.Seekers.Any(seeker => seeker.RegionCode == code));
        Assert.True(reached >= banners.Count * 0.9, $"{reached} of {banners.Count} banners and counties have a posting or a seeker");
    }

    [Fact]
    public void Seekers_are_skewed_to_hohhot_baotou_and_ordos_with_a_long_tail_in_the_banners()
    {
        var seekers = Full.Value.Seekers;
        var big3 = seekers.Count(seeker => seeker.RegionCode[..4] is "1501" or "1502" or "1506");
        var alxa = seekers.Count(seeker => seeker.RegionCode[..4] == "1529");
        var inBanners = seekers.Count(seeker => InnerMongoliaRegions.Find(seeker.RegionCode)!.Kind == "banner-county");

        Assert.True(big3 > seekers.Count * 0.45, $"{big3} of {seekers.Count} in Hohhot, Baotou and Ordos");
        Assert.True(alxa < seekers.Count * 0.03, $"{alxa} in Alxa");
        Assert.InRange(inBanners, seekers.Count / 5, seekers.Count / 2);
    }

    [Fact]
    public void Every_key_group_is_represented_in_every_big_league()
    {
        var seekers = Full.Value.Seekers;

        Assert.All(SeekerKeyGroups.All, group =>
        {
            var count = seekers.Count(seeker => seeker.ExpectedKeyGroups.Contains(group));
            Assert.True(count >= 150, $"{count} seekers in {group}");
            Assert.All(new[] { "1501", "1502", "1506" }, league => Assert.Contains(seekers, s => s.RegionCode[..4] == league && s.ExpectedKeyGroups.Contains(group)));
        });
        Assert.Contains(seekers, seeker => seeker.ExpectedKeyGroups.Count == 0);
    }

    [Fact]
    public void Organisations_and_people_carry_valid_identifiers()
    {
        var market = Full.Value;

        Assert.All(market.Employers, employer =>
        {
            Assert.True(CreditCode.IsValid(employer.CreditCode), employer.CreditCode);
            Assert.Equal(employer.RegionCode, employer.CreditCode[2..8]);
            Assert.NotNull(Industries.Find(employer.Industry));
        });
        Assert.All(market.Seekers, seeker => Assert.True(NationalId.TryParse(seeker.Profile.NationalId, Today, out _, out var error), error));
        Assert.Equal(market.Seekers.Count, market.Seekers.Select(seeker => seeker.Profile.NationalId).Distinct().Count());
        Assert.Equal(market.Seekers.Count, market.Seekers.Select(seeker => seeker.UserId).Distinct().Count());
    }

    [Fact]
    public void Applications_hires_and_follow_ups_are_spread_over_the_twelve_weeks()
    {
        var market = Full.Value;
        var applications = market.Applications;

        Assert.True(applications.Count >= 8000, $"{applications.Count} applications");
        Assert.All(Enumerable.Range(0, 12), week => Assert.Contains(applications, application => application.AppliedDaysAgo / 7 == week));
        Assert.All(applications, application => Assert.InRange(application.AppliedDaysAgo, 0,
            Math.Min(market.Postings[application.Posting].PublishedDaysAgo, market.Seekers[application.Seeker].RegisteredDaysAgo)));
        foreach (var status in new[] { "submitted", "viewed", "interview", "offer", "hired", "rejected", "withdrawn" })
            Assert.True(applications.Count(application => application.FinalStatus == status) >= 50, $"few {status}");
        var hires = applications.Count(application => application.FinalStatus == "hired");
        Assert.True(hires >= 400, $"{hires} hires");
        Assert.All(applications.GroupBy(application => application.Seeker), seeker => Assert.True(seeker.Count(a => a.FinalStatus == "hired") <= 1));
        Assert.All(applications.Where(application => application.FollowUp is { Outcome: "hired" }), application => Assert.Equal("hired", application.FinalStatus));
        Assert.All(applications.Where(application => application.FollowUp is not null),
            application => Assert.InRange(application.FollowUp!.VisitedDaysAgo, 0, application.AppliedDaysAgo));
        Assert.True(applications.Count(application => application.FollowUp is not null) >= 300);
    }

    [Fact]
    public void Occupations_differ_in_demand_and_supply_so_some_are_short()
    {
        var market = Full.Value;
        var vacancies = market.Postings.GroupBy(posting => posting.Occupation).ToDictionary(group => group.Key, group => group.Sum(posting => posting.Vacancies));
        var seekers = market.Seekers.GroupBy(seeker => seeker.Occupation).ToDictionary(group => group.Key, group => group.Count());

        var short_ = vacancies.Count(pair => pair.Value > seekers.GetValueOrDefault(pair.Key));
        var crowded = vacancies.Count(pair => pair.Value < seekers.GetValueOrDefault(pair.Key));
        Assert.True(short_ >= 5 && crowded >= 3, $"{short_} short, {crowded} crowded occupations");
    }
}
