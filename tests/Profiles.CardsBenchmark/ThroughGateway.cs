using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobMatch.Testing;

/// <summary>
/// The same page of cards through the gateway, as the portal reads them: the whole platform as processes (the test
/// platform: Debug builds, rate limits lifted), 200 seekers registered and applying through the API to one posting of
/// the demo employer, their cards reached through the events; then one GET per applicant against 50 ids per POST.
/// </summary>
public static class ThroughGateway
{
    public static async Task<int> RunAsync(int applicants, int perCall, int rounds)
    {
        var platform = new Platform();
        await platform.InitializeAsync();
        try
        {
            using var employer = await SignInAsync(platform, "employer", "jobmatch-demo");
            var posting = await SendAsync(employer, HttpMethod.Post, "api/postings", new
            {
                title = "仓库管理员", description = "负责仓库收发货和盘点。", skills = new[] { "仓库管理" }, regionCode = "150102",
                latitude = 40.8426, longitude = 111.7492, salaryMin = 4500, salaryMax = 6500, vacancies = 200,
            });
            var postingId = posting["id"]!.GetValue<Guid>();
            await SendAsync(employer, HttpMethod.Post, $"api/postings/{postingId}/publish");
            var seed = Stopwatch.StartNew();
            var ids = new List<Guid>();
            for (var i = 0; i < applicants; i++)
            {
                using var anonymous = platform.CreateClient();
                var login = await SendAsync(anonymous, HttpMethod.Post, "api/auth/register",
                    new { username = "b-" + Guid.NewGuid().ToString("N")[..10], password = "jobmatch-demo", displayName = "求职者" });
                using var seeker = platform.CreateClient(login["accessToken"]!.GetValue<string>());
                await SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
                {
                    name = $"求职者{i:000}", phone = $"139{i:00000000}", skills = new[] { "仓库管理" }, regionCode = "150102",
                    consents = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = i % 2 == 0 },
                });
                ids.Add((await SendAsync(seeker, HttpMethod.Post, $"api/postings/{postingId}/applications", new { }))["id"]!.GetValue<Guid>());
            }
            await Eventually.GetAsync(() => CardsAsync(employer, postingId, ids, perCall), count => count == applicants, "every card reached the profile service");
            Console.WriteLine($"seeded {applicants} applications through the gateway in {seed.Elapsed.TotalSeconds:F1} s");

            for (var warm = 0; warm < 3; warm++) { await OneByOneAsync(employer, ids); await CardsAsync(employer, postingId, ids, perCall); }
            var before = new List<double>();
            var after = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                before.Add(await TimedAsync(() => OneByOneAsync(employer, ids), applicants));
                after.Add(await TimedAsync(() => CardsAsync(employer, postingId, ids, perCall), applicants));
            }
            Console.WriteLine();
            Console.WriteLine("| cards of 200 applicants, through the gateway | calls | p50 | p95 | mean |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            CardTimes.Report("one GET per applicant (before)", applicants, before);
            CardTimes.Report($"POST of {perCall} ids per call (after)", applicants / perCall, after);
            return 0;
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    private static async Task<double> TimedAsync(Func<Task<int>> read, int expected)
    {
        var clock = Stopwatch.StartNew();
        var cards = await read();
        if (cards != expected) throw new InvalidOperationException($"{cards} cards, not {expected}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<int> OneByOneAsync(HttpClient employer, List<Guid> ids)
    {
        var responses = await Task.WhenAll(ids.Select(id => employer.GetAsync(new Uri($"api/profiles/applicants/{id}/card", UriKind.Relative))));
        var ok = responses.Count(response => response.IsSuccessStatusCode);
        foreach (var response in responses) response.Dispose();
        return ok;
    }

    private static async Task<int> CardsAsync(HttpClient employer, Guid postingId, List<Guid> ids, int perCall)
    {
        var pages = await Task.WhenAll(ids.Chunk(perCall).Select(async page =>
        {
            using var response = await employer.PostAsJsonAsync("api/profiles/applicants/cards", new { postingId, applicationIds = page });
            return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count : 0;
        }));
        return pages.Sum();
    }

    private static async Task<HttpClient> SignInAsync(Platform platform, string username, string password)
    {
        using var anonymous = platform.CreateClient();
        var token = await SendAsync(anonymous, HttpMethod.Post, "api/auth/token", new { username, password });
        return platform.CreateClient(token["accessToken"]!.GetValue<string>());
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? [] : (JsonObject)JsonNode.Parse(text)!;
    }
}

/// <summary>One line of the results table: p50, p95 and mean of a page's card reads.</summary>
public static class CardTimes
{
    public static void Report(string label, int calls, List<double> times)
    {
        times.Sort();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"| {label} | {calls} | {times[times.Count / 2]:F1} ms | {times[(int)(times.Count * 0.95)]:F1} ms | {times.Average():F1} ms |"));
    }
}
