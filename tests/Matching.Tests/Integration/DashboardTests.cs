using System.Net;
using System.Net.Http.Json;
using JobMatch.Contracts;
using JobMatch.Testing;
using Matching.Api.Dashboard;

namespace Matching.Tests.Integration;

public sealed class DashboardTests : MatchingHost
{
    [Fact]
    public async Task A_caseworker_sees_their_areas_seekers_postings_matches_and_placements_and_not_another_areas()
    {
        var job = Job();
        await PublishedAsync(job);
        var veteran = Guid.NewGuid();
        await ProfileAsync(Profile(veteran) with { KeyGroups = ["veteran"] });
        await ProfileAsync(Profile(Guid.NewGuid()));
        await ProfileAsync(Profile(Guid.NewGuid(), regionCode: "150203") with { KeyGroups = ["veteran"] });
        var applicationId = Guid.NewGuid();
        await ConsumedAsync(new ApplicationSubmitted(applicationId, job.PostingId, veteran, DateTimeOffset.UtcNow), "ApplicationSubmittedConsumer");
        await ConsumedAsync(new ApplicationStatusChanged(applicationId, job.PostingId, veteran, "offer", "hired", null, DateTimeOffset.UtcNow),
            "ApplicationStatusChangedConsumer");

        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        var dashboard = (await hohhot.GetFromJsonAsync<AreaDashboard>(new Uri("/api/matches/dashboard?regionCode=150100", UriKind.Relative), Json))!;
        using var elsewhere = await hohhot.GetAsync(new Uri("/api/matches/dashboard?regionCode=150200", UriKind.Relative));
        using var bad = await hohhot.GetAsync(new Uri("/api/matches/dashboard?regionCode=hohhot", UriKind.Relative));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(veteran));
        using var refused = await seeker.GetAsync(new Uri("/api/matches/dashboard?regionCode=150100", UriKind.Relative));

        Assert.Equal(2, dashboard.Seekers);
        Assert.Equal(1, dashboard.SeekersByKeyGroup.Single(count => count.Key == "veteran").Count);
        Assert.Equal(1, dashboard.SeekersByKeyGroup.Single(count => count.Key == "none").Count);
        Assert.Equal([new CountBy(HohhotRegion, 2)], dashboard.SeekersByCounty);
        Assert.Equal([new CountBy(HohhotRegion, 1)], dashboard.OpenPostingsByCounty);
        Assert.Equal(2, dashboard.MatchesByWeek.Sum(week => week.Count));
        Assert.Equal(1, dashboard.ApplicationsByWeek.Sum(week => week.Count));
        Assert.Equal(1, dashboard.PlacementsByWeek.Sum(week => week.Count));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
