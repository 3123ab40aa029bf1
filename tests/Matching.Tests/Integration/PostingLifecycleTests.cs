using Matching.Api.Matches;

namespace Matching.Tests.Integration;

/// <summary>Closing takes a posting out of matching, whichever order the events arrive in.</summary>
public sealed class PostingLifecycleTests : MatchingHost
{
    [Fact]
    public async Task A_closed_posting_is_no_longer_recommended()
    {
        var seekerId = Guid.NewGuid();
        var closing = Job("Closing job");
        var staying = Job("Staying job");
        await PublishedAsync(closing);
        await PublishedAsync(staying);
        await ProfileAsync(Profile(seekerId));
        Assert.Equal(2, (await SeekersRecommendationsAsync(seekerId)).Count);

        await ClosedAsync(closing.PostingId);

        Assert.Equal([staying.PostingId], (await SeekersRecommendationsAsync(seekerId)).Select(r => r.PostingId));
    }

    [Fact]
    public async Task A_close_that_arrives_before_its_publication_keeps_the_posting_out()
    {
        var seekerId = Guid.NewGuid();
        var closedEarly = Job("Closed before it arrived");
        var open = Job("Open job");
        await ClosedAsync(closedEarly.PostingId);

        await PublishedAsync(closedEarly);
        await PublishedAsync(open);
        await ProfileAsync(Profile(seekerId));

        Assert.Equal([open.PostingId], (await SeekersRecommendationsAsync(seekerId)).Select(r => r.PostingId));
        Assert.DoesNotContain(await MatchesFoundAsync(seekerId), found => found.PostingIds.Contains(closedEarly.PostingId));
    }

    [Fact]
    public async Task A_posting_whose_validity_has_passed_is_not_recommended()
    {
        var seekerId = Guid.NewGuid();
        var expired = Job("Expired job", publishedAt: DateTimeOffset.UtcNow.AddDays(-30)) with { ValidUntil = DateTimeOffset.UtcNow.AddDays(-1) };
        var open = Job("Open job");
        await PublishedAsync(expired);
        await PublishedAsync(open);
        await ProfileAsync(Profile(seekerId));

        Assert.Equal([open.PostingId], (await SeekersRecommendationsAsync(seekerId)).Select(r => r.PostingId));
    }

    [Fact]
    public async Task An_older_profile_arriving_late_does_not_replace_the_newer_one()
    {
        var seekerId = Guid.NewGuid();
        var welding = Job("Welder", ["Welding"]);
        var cooking = Job("Cook", ["Cooking"]);
        await PublishedAsync(welding);
        await PublishedAsync(cooking);
        var now = DateTimeOffset.UtcNow;
        await ProfileAsync(Profile(seekerId, ["Cooking"], updatedAt: now));

        await ProfileAsync(Profile(seekerId, ["Welding"], updatedAt: now.AddMinutes(-5)));

        // The welding posting may still fill the list as the labelled fallback (issue 13); it is no match of the profile.
        Assert.Equal([cooking.PostingId], (await SeekersRecommendationsAsync(seekerId))
            .Where(r => r.Explanation.FoundBy != CandidatePaths.PopularNearby).Select(r => r.PostingId));
    }
}
