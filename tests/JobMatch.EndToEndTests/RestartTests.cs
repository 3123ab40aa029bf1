using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>Durable queues and the outbox mean a service that is down misses nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RestartTests(Platform platform)
{
    [Fact]
    public async Task Postings_published_while_matching_is_stopped_are_matched_once_it_is_back()
    {
        var skill = "光伏运维-" + Guid.NewGuid().ToString("N")[..6];
        var seekerId = Guid.NewGuid();
        using var seeker = platform.CreateClient(TestTokens.Seeker(seekerId));
        using var employer = platform.CreateClient(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "Saruul", skills = new[] { skill }, regionCode = "150602", latitude = 39.6086, longitude = 109.7810, maxCommuteKm = 80,
        });
        await Eventually.GetAsync(async () =>
        {
            using var response = await seeker.GetAsync($"api/matches/seekers/{seekerId}/recommendations");
            return response.IsSuccessStatusCode;
        }, known => known, "matching knowing the seeker");

        await platform.StopAsync("matching");
        var postingIds = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            postingIds.Add(await Api.PublishPostingAsync(employer,
                Api.Posting($"光伏电站运维员 {i}", [skill], regionCode: "150602", latitude: 39.6086 + i * 0.01, longitude: 109.7810)));
        }

        platform.Start("matching");
        await platform.WaitUntilReadyAsync("matching");

        var recommended = await Eventually.GetAsync(
            async () =>
            {
                using var response = await seeker.GetAsync($"api/matches/seekers/{seekerId}/recommendations");
                if (!response.IsSuccessStatusCode) return [];
                return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray()
                    .Select(r => r!["postingId"]!.GetValue<Guid>()).ToHashSet();
            },
            ids => postingIds.All(ids.Contains), "all three postings recommended after the restart");
        Assert.Superset(postingIds.ToHashSet(), recommended);

        var notified = await Eventually.GetAsync(
            async () => string.Join(' ', (await Api.GetArrayAsync(seeker, "api/notifications")).Select(n => Api.Json(n!["data"]))),
            text => postingIds.All(id => text.Contains(id.ToString(), StringComparison.Ordinal)), "a notification for each posting");
        Assert.All(postingIds, id => Assert.Contains(id.ToString(), notified, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Matching_killed_with_messages_in_hand_processes_every_one_after_it_restarts()
    {
        var skill = "挤奶操作-" + Guid.NewGuid().ToString("N")[..6];
        var seekerId = Guid.NewGuid();
        using var seeker = platform.CreateClient(TestTokens.Seeker(seekerId));
        using var employer = platform.CreateClient(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "Oyun", skills = new[] { skill }, regionCode = "150105", latitude = 40.80, longitude = 111.68, maxCommuteKm = 60,
        });
        await Eventually.GetAsync(async () =>
        {
            using var response = await seeker.GetAsync($"api/matches/seekers/{seekerId}/recommendations");
            return response.IsSuccessStatusCode;
        }, known => known, "matching knowing the seeker");

        // Publish a burst and kill matching in the middle of consuming it: no graceful stop, no acknowledgements.
        var postingIds = new List<Guid>();
        for (var i = 0; i < 20; i++)
            postingIds.Add(await Api.PublishPostingAsync(employer, Api.Posting($"挤奶工 {i}", [skill], regionCode: "150105", latitude: 40.80, longitude: 111.68)));
        await platform.KillAsync("matching");
        platform.Start("matching");
        await platform.WaitUntilReadyAsync("matching");

        var recommended = await Eventually.GetAsync(
            async () => (await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations?limit=100"))
                .Select(r => r!["postingId"]!.GetValue<Guid>()).ToHashSet(),
            ids => postingIds.All(ids.Contains), "all twenty postings recommended after kill -9 and restart");
        Assert.Superset(postingIds.ToHashSet(), recommended);
    }
}
