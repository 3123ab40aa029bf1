using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>
/// Issue 19 through the gateway: a posting coded only in 职业分类大典 is recommended to a seeker who named the ESCO
/// occupation the crosswalk maps it to — they share no skill and no word, only the occupation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NationalOccupationMatchingTests(Platform platform)
{
    private const string CargoDriver = "4-02-02-02"; // 道路货运汽车驾驶员

    [Fact]
    public async Task A_posting_coded_only_in_the_national_classification_is_recommended_to_a_seeker_who_named_the_ESCO_occupation()
    {
        var (seekerToken, seekerId) = await Api.SignInAsync(platform, "seeker");
        using var seeker = platform.CreateClient(seekerToken);
        // The ESCO occupation the crosswalk names for the code, as the classification's own suggestion reports it.
        var national = await Api.GetArrayAsync(seeker, $"api/matches/taxonomy/suggest?kind=national&q={CargoDriver}&limit=1");
        var esco = national[0]!["escoOccupations"]![0]!["label"]!.GetValue<string>();

        // A title no taxonomy label names and no description: only the 大典 code says what the job is.
        var token = new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var (employerToken, _) = await Api.SignInAsync(platform, "employer");
        using var employer = platform.CreateClient(employerToken);
        var postingId = await Api.PublishPostingAsync(employer, new
        {
            title = $"岗位{token}",
            nationalOccupationCode = CargoDriver,
            regionCode = "150102",
            latitude = 40.8426,
            longitude = 111.7492,
            salaryMin = 6000,
            salaryMax = 9000,
            vacancies = 2,
        });
        var posting = await Api.SendAsync(employer, HttpMethod.Get, $"api/postings/{postingId}");
        Assert.Equal(CargoDriver, posting["nationalOccupationCode"]!.GetValue<string>());
        Assert.Null(posting["occupationCode"]);

        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "巴特尔", phone = "13904716789", desiredOccupations = new[] { esco },
            regionCode = "150102", latitude = 40.83, longitude = 111.70, maxCommuteKm = 30,
        });

        var match = await Eventually.GetAsync(
            async () => (await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations?lang=en"))
                .FirstOrDefault(r => r!["postingId"]!.GetValue<Guid>() == postingId),
            r => r is not null, "the 大典-coded posting among the recommendations of the seeker who named its ESCO occupation");
        Assert.Equal("shared-concept", match!["explanation"]!["foundBy"]!.GetValue<string>());
    }
}
