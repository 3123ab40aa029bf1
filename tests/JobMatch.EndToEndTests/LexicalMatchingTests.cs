using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>
/// Issue 13 through the gateway: a seeker whose skills no taxonomy concept names still gets the postings that share
/// their words, and with no profile text at all gets postings near them, labelled as the fallback.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LexicalMatchingTests(Platform platform)
{
    [Fact]
    public async Task A_seeker_the_taxonomy_cannot_resolve_gets_lexical_matches_and_with_no_text_the_labelled_fallback()
    {
        // A word no taxonomy knows, shared by the ad and the profile (letters only: codes and numbers are no terms).
        var word = "kumis" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var (employerToken, _) = await Api.SignInAsync(platform, "employer");
        using var employer = platform.CreateClient(employerToken);
        var postingId = await Api.PublishPostingAsync(employer, new
        {
            title = "急招！驼奶灌装工若干名（包吃住）",
            description = $"负责{word}驼奶的灌装与封口，不会开叉车也可以。",
            skills = new[] { "灌装" },
            regionCode = "150102",
            latitude = 40.8426,
            longitude = 111.7492,
            salaryMin = 4000,
            salaryMax = 5500,
            vacancies = 3,
        });

        var (seekerToken, seekerId) = await Api.SignInAsync(platform, "seeker");
        using var seeker = platform.CreateClient(seekerToken);
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "其其格", phone = "13904715678", skills = new[] { $"{word}驼奶经验" },
            regionCode = "150102", latitude = 40.83, longitude = 111.70, maxCommuteKm = 30,
        });

        var lexical = await Eventually.GetAsync(
            async () => (await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations?lang=en"))
                .FirstOrDefault(r => r!["postingId"]!.GetValue<Guid>() == postingId
                    && r["explanation"]!["foundBy"]!.GetValue<string>() != "popular-nearby"),
            r => r is not null, "the posting matched (not merely the fallback of the demo seeker's earlier profile) for a seeker whose skill no concept names");
        var explanation = lexical!["explanation"]!;
        Assert.Equal("words-in-common", explanation["foundBy"]!.GetValue<string>());
        Assert.True(explanation["lexicalScore"]!.GetValue<double>() > 0);
        Assert.Equal("Found by words your profile and the posting share", explanation["reasons"]![0]!.GetValue<string>());

        // The same seeker with no profile text: never an empty list, and the list says it is the fallback.
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "其其格", phone = "13904715678", skills = Array.Empty<string>(),
            regionCode = "150102", latitude = 40.83, longitude = 111.70, maxCommuteKm = 30,
        });
        var fallback = await Eventually.GetAsync(
            async () => await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations"),
            list => list.Count > 0 && list.All(r => r!["explanation"]!["foundBy"]!.GetValue<string>() == "popular-nearby"),
            "a non-empty fallback list for a profile without text");
        Assert.All(fallback, r => Assert.Contains("您附近", r!["explanation"]!["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(fallback, r => r!["postingId"]!.GetValue<Guid>() == postingId);
    }

    [Fact]
    public async Task A_seeker_who_wrote_nothing_but_applied_gets_postings_like_the_one_they_applied_to_labelled_so()
    {
        // A new seeker with no profile text applies to one ad; a second ad sharing its rare title word is open too.
        var word = "kumis" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var (employerToken, _) = await Api.SignInAsync(platform, "employer");
        using var employer = platform.CreateClient(employerToken);
        var applied = await Api.PublishPostingAsync(employer, Api.Posting($"急招{word}灌装工（包吃住）", ["灌装"]));
        var similar = await Api.PublishPostingAsync(employer, Api.Posting($"{word}灌装工 五险一金", ["灌装"]));

        using var anonymous = platform.CreateClient();
        var username = "history" + Guid.NewGuid().ToString("N")[..10];
        var registered = await Api.SendAsync(anonymous, HttpMethod.Post, "api/auth/register",
            new { username, password = "Grassland-Dairy-2026", displayName = "乌云" }, System.Net.HttpStatusCode.Created);
        var seekerId = registered["userId"]!.GetValue<Guid>();
        using var seeker = platform.CreateClient(registered["accessToken"]!.GetValue<string>());
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "乌云", phone = "13904719876", regionCode = "150102", latitude = 40.83, longitude = 111.70, maxCommuteKm = 30,
        });
        await Api.SendAsync(seeker, HttpMethod.Post, $"api/postings/{applied}/applications", new { coverNote = "我做过灌装" }, System.Net.HttpStatusCode.Created);

        var like = await Eventually.GetAsync(
            async () => (await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations?lang=en"))
                .FirstOrDefault(r => r!["postingId"]!.GetValue<Guid>() == similar && r["explanation"]!["foundBy"]!.GetValue<string>() == "like-past-postings"),
            r => r is not null, "the ad like the one the seeker applied to, found by its words once matching heard of the application");
        var explanation = like!["explanation"]!;
        Assert.True(explanation["lexicalScore"]!.GetValue<double>() > 0);
        Assert.Equal("Like jobs you applied to or looked at: shares words with their titles", explanation["reasons"]![0]!.GetValue<string>());
    }
}
