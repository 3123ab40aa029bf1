using System.Net;
using System.Text.Json.Nodes;
using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>The first user flow, on the real stack, only through the gateway's HTTP API.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FirstFlowTests(Platform platform)
{
    [Fact]
    public async Task Employer_publishes_seeker_profiles_matching_recommends_and_the_seeker_is_notified()
    {
        // An employer signs in and publishes a posting; the job-posting service emits JobPublished through its outbox.
        var (employerToken, _) = await Api.SignInAsync(platform, "employer");
        using var employer = platform.CreateClient(employerToken);
        var forkliftSkill = "叉车驾驶-" + Guid.NewGuid().ToString("N")[..6];
        var postingId = await Api.PublishPostingAsync(employer,
            Api.Posting("仓储叉车司机 Forklift driver", [forkliftSkill, "仓库管理"], latitude: 40.8426, longitude: 111.7492));

        // A seeker signs in and creates a profile; the profile service emits ProfileUpdated without personal data.
        var (seekerToken, seekerId) = await Api.SignInAsync(platform, "seeker");
        using var seeker = platform.CreateClient(seekerToken);
        var posting = await Api.SendAsync(seeker, HttpMethod.Get, $"api/postings/{postingId}");
        Assert.Equal("published", posting["status"]!.GetValue<string>());
        var profile = await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "巴特尔",
            phone = "13904711234",
            skills = new[] { forkliftSkill, "电焊" },
            regionCode = "150105",
            latitude = 40.8080,
            longitude = 111.6840,
            maxCommuteKm = 30,
        });
        Assert.Equal("13904711234", profile["phone"]!.GetValue<string>());

        // Matching consumed both into its own store and recommends the posting for the shared skill, explaining why.
        // (Until the new profile is consumed the posting may already show as the popular-nearby fallback of the demo
        // seeker's earlier profile: wait for the match the profile makes, not for the posting to appear.)
        var recommendation = await Eventually.GetAsync(
            async () => (await Api.GetArrayWhenFoundAsync(seeker, $"api/matches/seekers/{seekerId}/recommendations"))
                .FirstOrDefault(r => r!["postingId"]!.GetValue<Guid>() == postingId
                    && r["explanation"]!["foundBy"]!.GetValue<string>() == "shared-concept"),
            r => r is not null, "the posting recommended to the seeker for a shared skill");
        var explanation = recommendation!["explanation"]!;
        Assert.Equal([forkliftSkill], explanation["matchedSkills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["仓库管理"], explanation["missingSkills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.InRange(explanation["distanceKm"]!.GetValue<double>(), 5, 10);

        // The notification service consumed MatchesFound and the seeker can list the in-app notification.
        var notification = await Eventually.GetAsync(
            async () => (await Api.GetArrayAsync(seeker, "api/notifications"))
                .FirstOrDefault(n => Api.Json(n!["data"]).Contains(postingId.ToString(), StringComparison.Ordinal)),
            n => n is not null, "an in-app notification naming the posting");
        Assert.Equal("new-matches", notification!["kind"]!.GetValue<string>());
        Assert.Contains("仓储叉车司机", notification["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("13904711234", Api.Json(notification), StringComparison.Ordinal);

        // Marking it read works for its owner only.
        var notificationId = notification["id"]!.GetValue<Guid>();
        await Api.SendAsync(employer, HttpMethod.Post, $"api/notifications/{notificationId}/read", expected: HttpStatusCode.NotFound);
        await Api.SendAsync(seeker, HttpMethod.Post, $"api/notifications/{notificationId}/read", expected: HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Calls_without_a_token_are_refused_by_the_gateway_and_by_each_service_called_directly()
    {
        using var anonymous = platform.CreateClient();
        foreach (var path in new[] { "api/postings", "api/profiles/me", $"api/matches/seekers/{Guid.NewGuid()}/recommendations", "api/notifications" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        foreach (var service in Platform.Services)
        {
            using var direct = new HttpClient { BaseAddress = platform.ServiceAddress(service) };
            using var response = await direct.GetAsync(service switch
            {
                "postings" => "api/postings",
                "profiles" => "api/profiles/me",
                "matching" => $"api/matches/seekers/{Guid.NewGuid()}/recommendations",
                _ => "api/notifications",
            });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Bad_input_is_answered_with_problem_details_naming_the_fields()
    {
        using var employer = platform.CreateClient(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var response = await employer.PostAsync("api/postings",
            System.Net.Http.Json.JsonContent.Create(new { title = "", regionCode = "110101", salaryMin = 9000, salaryMax = 5000 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("title", errors.Select(e => e.Key));
        Assert.Contains("regionCode", errors.Select(e => e.Key));
        Assert.Contains("salaryMax", errors.Select(e => e.Key));
        Assert.NotNull(problem["traceId"]);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_each_service_publishes_its_openapi_document_through_the_gateway()
    {
        using var anonymous = platform.CreateClient();
        await Api.SendAsync(anonymous, HttpMethod.Post, "api/auth/token", new { username = "seeker", password = "wrong" }, HttpStatusCode.Unauthorized);
        foreach (var document in new[] { "postings", "profiles", "matches", "notifications" })
        {
            var openApi = await Api.SendAsync(anonymous, HttpMethod.Get, $"openapi/{document}.json");
            Assert.StartsWith("3.", openApi["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotEmpty(openApi["paths"]!.AsObject());
        }
    }

    [Fact]
    public async Task A_seeker_with_the_stream_open_sees_a_new_match_arrive_live_through_the_gateway()
    {
        var skill = "冷链物流-" + Guid.NewGuid().ToString("N")[..6];
        var seekerId = Guid.NewGuid();
        using var seeker = platform.CreateClient(TestTokens.Seeker(seekerId));
        seeker.Timeout = Timeout.InfiniteTimeSpan;
        await Api.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "Tuya", skills = new[] { skill }, regionCode = "150802", latitude = 40.75, longitude = 107.40, maxCommuteKm = 50,
        });
        await Eventually.GetAsync(async () =>
        {
            using var known = await seeker.GetAsync($"api/matches/seekers/{seekerId}/recommendations");
            return known.IsSuccessStatusCode;
        }, known => known, "matching knowing the seeker");
        using var stream = await seeker.GetAsync("api/notifications/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        using var employer = platform.CreateClient(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        var postingId = await Api.PublishPostingAsync(employer, Api.Posting("冷链配送员", [skill], regionCode: "150802", latitude: 40.76, longitude: 107.41));

        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        string? data = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line["data: ".Length..];
        Assert.Contains(postingId.ToString(), data, StringComparison.Ordinal);
        Assert.Contains("冷链配送员", JsonNode.Parse(data!)!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
