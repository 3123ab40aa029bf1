using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobMatch.EndToEndTests;

/// <summary>Calls through the gateway the way the portal makes them, failing with the response body when one is refused.</summary>
public static class Api
{
    public const string DemoPassword = "jobmatch-demo";

    public static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    public static async Task<JsonArray> GetArrayAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>The array at a path, or an empty one while the path answers 404 (an effect still on its way).</summary>
    public static async Task<JsonArray> GetArrayWhenFoundAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Signs in a demo account through the gateway's development issuer.</summary>
    public static async Task<(string Token, Guid UserId)> SignInAsync(Platform platform, string username)
    {
        using var client = platform.CreateClient();
        var token = await SendAsync(client, HttpMethod.Post, "api/auth/token", new { username, password = DemoPassword });
        return (token["accessToken"]!.GetValue<string>(), token["userId"]!.GetValue<Guid>());
    }

    public static object Posting(string title, string[] skills, string regionCode = "150102", double latitude = 40.8426, double longitude = 111.7492) => new
    {
        title,
        description = "End-to-end test posting.",
        skills,
        regionCode,
        latitude,
        longitude,
        salaryMin = 4500,
        salaryMax = 6500,
        vacancies = 2,
    };

    /// <summary>Creates and publishes a posting as the employer; returns its id.</summary>
    public static async Task<Guid> PublishPostingAsync(HttpClient employer, object posting)
    {
        var created = await SendAsync(employer, HttpMethod.Post, "api/postings", posting, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var published = await SendAsync(employer, HttpMethod.Post, $"api/postings/{id}/publish");
        Assert.Equal("published", published["status"]!.GetValue<string>());
        return id;
    }

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
