using JobMatch.Testing;

namespace Matching.Tests.Integration;

/// <summary>Matching tells a seeker about a good match once (MatchesFound through the outbox), however often the events come.</summary>
public sealed class MatchAnnouncementTests : MatchingHost
{
    [Fact]
    public async Task A_new_match_is_announced_through_the_outbox_when_the_profile_arrives()
    {
        var seekerId = Guid.NewGuid();
        var job = Job();
        await PublishedAsync(job);

        await ProfileAsync(Profile(seekerId));

        var announced = await Eventually.GetAsync(() => MatchesFoundAsync(seekerId), rows => rows.Count == 1 && rows[0].Sent,
            "a MatchesFound relayed for the seeker");
        Assert.Equal([job.PostingId], announced[0].PostingIds);
    }

    [Fact]
    public async Task A_new_posting_is_announced_to_the_seekers_it_suits()
    {
        var seekerId = Guid.NewGuid();
        var otherSeekerId = Guid.NewGuid();
        await ProfileAsync(Profile(seekerId, ["Welding"]));
        await ProfileAsync(Profile(otherSeekerId, ["Cooking"]));
        Assert.Empty(await MatchesFoundAsync(seekerId));
        var job = Job("Welder", ["Welding"]);

        await PublishedAsync(job);

        Assert.Equal([job.PostingId], (await MatchesFoundAsync(seekerId)).Single().PostingIds);
        Assert.Empty(await MatchesFoundAsync(otherSeekerId));
    }

    [Fact]
    public async Task The_same_profile_published_again_under_a_new_message_id_announces_nothing_again()
    {
        var seekerId = Guid.NewGuid();
        var job = Job();
        await PublishedAsync(job);
        var profile = Profile(seekerId);
        await ProfileAsync(profile);
        Assert.Single(await MatchesFoundAsync(seekerId));

        await ProfileAsync(profile);

        Assert.Equal([job.PostingId], (await MatchesFoundAsync(seekerId)).Single().PostingIds);
    }

    [Fact]
    public async Task A_changed_profile_announces_only_postings_the_seeker_was_not_told_about()
    {
        var seekerId = Guid.NewGuid();
        var welding = Job("Welder", ["Welding"]);
        var driving = Job("Driver", ["Driving"]);
        await PublishedAsync(welding);
        await PublishedAsync(driving);
        var profile = Profile(seekerId, ["Welding"]);
        await ProfileAsync(profile);

        await ProfileAsync(profile with { UpdatedAt = profile.UpdatedAt.AddMinutes(1) });
        await ProfileAsync(profile with { Skills = ["Welding", "Driving"], UpdatedAt = profile.UpdatedAt.AddMinutes(2) });

        var announced = await MatchesFoundAsync(seekerId);
        Assert.Equal(2, announced.Count);
        Assert.Equal([welding.PostingId], announced[0].PostingIds);
        Assert.Equal([driving.PostingId], announced[1].PostingIds);
    }

    [Fact]
    public async Task The_same_posting_published_again_announces_nothing_again()
    {
        var seekerId = Guid.NewGuid();
        await ProfileAsync(Profile(seekerId));
        var job = Job();
        await PublishedAsync(job);
        Assert.Single(await MatchesFoundAsync(seekerId));

        await PublishedAsync(job);
        await PublishedAsync(job with { Title = "Welder (updated)", PublishedAt = job.PublishedAt.AddMinutes(1) });

        Assert.Single(await MatchesFoundAsync(seekerId));
    }

    [Fact]
    public async Task A_weak_match_is_recommended_but_not_announced()
    {
        var seekerId = Guid.NewGuid();
        // One skill of five, in another city: 0.7 * 0.2 + 0.3 * 0.1 = 0.17, below the announce threshold.
        var weak = Job("Weak match", ["Welding", "Driving", "Cooking", "Forklift", "Masonry"]) with
        {
            RegionCode = "150203", Latitude = null, Longitude = null,
        };
        await PublishedAsync(weak);

        await ProfileAsync(Profile(seekerId, ["Welding"]));

        Assert.Equal([weak.PostingId], (await SeekersRecommendationsAsync(seekerId)).Select(r => r.PostingId));
        Assert.Empty(await MatchesFoundAsync(seekerId));
    }

    [Fact]
    public async Task A_posting_and_a_profile_consumed_at_the_same_moment_are_still_announced()
    {
        // Each pair's two events go to two queues and are consumed concurrently: without serialising the
        // writers, each transaction misses the other's uncommitted row and the match is never announced.
        // One made-up word per pair, letters only, so no two pairs share a word the lexical score could match on
        // (a shared "skill-" prefix made every posting a word match for every seeker).
        var pairs = Enumerable.Range(0, 20).Select(i => (SeekerId: Guid.NewGuid(), Job: Job($"Pair {i}", [UniqueWord()]))).ToList();
        await Task.WhenAll(pairs.SelectMany(pair => new[]
        {
            PublishedAsync(pair.Job),
            ProfileAsync(Profile(pair.SeekerId, [pair.Job.Skills[0]])),
        }));

        foreach (var (seekerId, job) in pairs)
            Assert.Equal([job.PostingId], (await MatchesFoundAsync(seekerId)).Single().PostingIds);
    }

    private static string UniqueWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
}
