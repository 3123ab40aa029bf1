using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.Testing;
using JobMatch.Testing.Logs;
using Npgsql;
using Xunit.Abstractions;

namespace JobMatch.EndToEndTests;

/// <summary>
/// Every operation of every service's OpenAPI document, through the gateway, as every role, with malformed
/// JSON, wrong types, huge strings, Unicode edge cases and injection strings in bodies, paths and queries.
/// Nothing may answer 5xx or show a stack trace, and nothing from a rejected request may be stored.
/// New endpoints are covered as soon as they are in a service's OpenAPI document.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FuzzTests(Platform platform, ITestOutputHelper output)
{
    private static readonly string[] Documents = ["postings", "profiles", "matches", "notifications"];
    private static readonly string[] Hostile =
    [
        "' OR '1'='1'; DROP TABLE postings;--",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "\u0000\u0001\u001f",
        "\u202e\u0645\u0631\u062d\u0628\u0627 👩‍🔧 ᠮᠣᠩᠭᠣᠯ Ｆｕｌｌ",
        "e\u0301\u0301\u0301\u0301",
        "${jndi:ldap://x}{{7*7}}%00../../etc/passwd",
    ];
    private static readonly string[] Fields =
    [
        "title", "description", "name", "phone", "skills", "regionCode", "occupationCode", "latitude", "longitude", "salaryMin",
        "salaryMax", "vacancies", "validUntil", "maxCommuteKm", "willingToRelocate", "username", "password", "reason", "status",
    ];

    private int _sequence;

    [Fact]
    public async Task No_endpoint_answers_hostile_input_with_a_5xx_a_stack_trace_or_a_stored_row()
    {
        var callers = new Dictionary<string, string>
        {
            ["anonymous"] = "",
            [Roles.Seeker] = TestTokens.Seeker(Guid.NewGuid()),
            [Roles.Employer] = TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()),
            [Roles.Caseworker] = TestTokens.Caseworker(Guid.NewGuid(), "150100"),
            [Roles.Administrator] = TestTokens.Administrator(Guid.NewGuid()),
        };
        var outcomes = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var rejectedMarkers = new List<string>();
        var operations = 0;

        using var anonymous = platform.CreateClient();
        foreach (var document in Documents)
        {
            var openApi = JsonNode.Parse(await anonymous.GetStringAsync($"openapi/{document}.json"))!;
            foreach (var (path, item) in openApi["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
                {
                    operations++;
                    foreach (var request in Requests(path, method, operation!))
                    {
                        foreach (var (role, token) in callers)
                        {
                            using var client = platform.CreateClient(token.Length == 0 ? null : token);
                            var marker = NextMarker();
                            using var message = request(marker);
                            var (status, body) = await SendAsync(client, message);
                            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                            if (status == 0 || status >= 500 || body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
                                failures.Add($"{message.Method} {message.RequestUri} as {role}: {status} {body[..Math.Min(body.Length, 300)]}");
                            if (status >= 400) rejectedMarkers.Add(marker);
                            else if (body.Contains("<script>", StringComparison.Ordinal) && !IsJson(body)) failures.Add($"{message.RequestUri} as {role}: hostile markup served as non-JSON");
                        }
                    }
                }
            }
        }

        var stored = await StoredMarkersAsync(rejectedMarkers);
        var total = outcomes.Values.Sum();
        var summary = $"fuzz: {operations} operations, {total} requests; by status: {string.Join(", ", outcomes.Select(o => $"{o.Key}×{o.Value}"))}; " +
            $"{rejectedMarkers.Count} rejected, {stored.Count} of those found stored";
        output.WriteLine(summary);
        await File.WriteAllTextAsync(TestLogs.NewFile("fuzz-hostile-input"), summary);
        Assert.True(operations >= 8, $"Only {operations} operations found in the OpenAPI documents.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} requests failed:\n" + string.Join('\n', failures.Take(20)));
        Assert.True(stored.Count == 0, "Stored from rejected requests: " + string.Join(", ", stored.Take(20)));
    }

    /// <summary>
    /// Text no client may send — NUL, format characters (zero-width space, word joiner, soft hyphen, BOM), lone
    /// surrogates — and over-long list items, in every string field, list and query of every operation, both through the
    /// gateway and directly at each service (which must not rely on the gateway's limits). A refusal is a 4xx; a value
    /// a service accepts after cleaning is fine; a 5xx, a stack trace or a stored rejected marker fails.
    /// </summary>
    [Fact]
    public async Task Text_no_client_may_send_gets_no_5xx_directly_at_each_service_or_through_the_gateway()
    {
        var callers = new[]
        {
            TestTokens.Seeker(Guid.NewGuid()), TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()),
            TestTokens.Caseworker(Guid.NewGuid(), "150100"), TestTokens.Administrator(Guid.NewGuid()),
        };
        var targets = Documents.Zip(new[] { "postings", "profiles", "matching", "notifications" })
            .SelectMany(pair => new[] { (pair.First, platform.Gateway, "gateway"), (pair.First, platform.ServiceAddress(pair.Second), pair.Second) });
        var outcomes = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var rejectedMarkers = new List<string>();

        using var anonymous = platform.CreateClient();
        foreach (var (document, address, via) in targets)
        {
            var openApi = JsonNode.Parse(await anonymous.GetStringAsync($"openapi/{document}.json"))!;
            foreach (var (path, item) in openApi["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
                {
                    foreach (var request in ForbiddenTextRequests(path, method, operation!))
                    {
                        foreach (var token in callers)
                        {
                            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
                            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                            var marker = NextMarker();
                            using var message = request(marker);
                            var (status, body) = await SendAsync(client, message);
                            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                            if (status == 0 || status >= 500 || body.Contains("   at ", StringComparison.Ordinal))
                                failures.Add($"{via}: {message.Method} {message.RequestUri}: {status} {body[..Math.Min(body.Length, 300)]}");
                            if (status >= 400) rejectedMarkers.Add(marker);
                        }
                    }
                }
            }
        }

        var stored = await StoredMarkersAsync(rejectedMarkers);
        var total = outcomes.Values.Sum();
        var summary = $"forbidden text: {total} requests; by status: {string.Join(", ", outcomes.Select(o => $"{o.Key}×{o.Value}"))}; " +
            $"{rejectedMarkers.Count} rejected, {stored.Count} of those found stored";
        output.WriteLine(summary);
        await File.WriteAllTextAsync(TestLogs.NewFile("fuzz-forbidden-text"), summary);
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} requests failed:\n" + string.Join('\n', failures.Take(20)));
        Assert.True(stored.Count == 0, "Stored from rejected requests: " + string.Join(", ", stored.Take(20)));
    }

    /// <summary>Characters no client may send, as JSON escapes (so the body itself is valid JSON).</summary>
    private static readonly string[] ForbiddenText = ["\\u0000", "\\u200b", "\\u2060", "\\u00ad", "\\ufeff", "\\udc00"];

    private static IEnumerable<Func<string, HttpRequestMessage>> ForbiddenTextRequests(string path, string method, JsonNode operation)
    {
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        var queryNames = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]?.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>()).ToList();
        var id = Guid.NewGuid().ToString();
        string Url(string query) =>
            "api" + System.Text.RegularExpressions.Regex.Replace(path[4..], @"\{[^}]+\}", _ => id)
            + (queryNames.Count == 0 ? "" : "?" + string.Join('&', queryNames.Select(q => $"{q}={query}")));

        if (queryNames.Count > 0)
        {
            foreach (var escaped in new[] { "%00", "%E2%80%8B", "%ED%B0%80" })
                yield return marker => new HttpRequestMessage(httpMethod, Url(marker + escaped + "x"));
        }
        if (operation["requestBody"] is null) yield break;

        var typed = """ "regionCode": "150102", "latitude": 40.8, "longitude": 111.7, "salaryMin": 3000, "salaryMax": 5000, "vacancies": 1, "maxCommuteKm": 20 """;
        string Strings(string marker, string inside) =>
            "{" + string.Join(',', Fields.Where(f => f is not ("regionCode" or "latitude" or "longitude" or "salaryMin" or "salaryMax" or "vacancies" or "maxCommuteKm" or "skills"))
                .Select(f => $"\"{f}\": \"{marker}{inside}焊工\"")) + $", \"skills\": [\"{marker}{inside}叉车\"], {typed}}}";
        foreach (var inside in ForbiddenText)
            yield return marker => new HttpRequestMessage(httpMethod, Url("1")) { Content = Json(Strings(marker, inside)) };
        // One over-long item in a list, and a list of very many items.
        yield return marker => new HttpRequestMessage(httpMethod, Url("1"))
        {
            Content = Json($"{{\"title\": \"{marker}焊工\", \"skills\": [\"{marker}{new string('焊', 300_000)}\"], {typed}}}"),
        };
        yield return marker => new HttpRequestMessage(httpMethod, Url("1"))
        {
            Content = Json($"{{\"title\": \"{marker}焊工\", \"skills\": [{string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"\"{marker}s{i}\""))}], {typed}}}"),
        };
    }

    /// <summary>
    /// Sends one request. A body the gateway refuses while it is still being uploaded (413 before the last byte) can
    /// surface as a closed connection instead of a response: that is a refusal too, recorded as 413.
    /// </summary>
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage message)
    {
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            // A live stream never ends: judge it by its status line and headers alone.
            var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            return ((int)response.StatusCode, streaming ? "" : await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (e.InnerException is IOException && message.Content?.Headers.ContentLength > 1024 * 1024)
        {
            return (413, "");
        }
        catch (TaskCanceledException)
        {
            return (0, "no answer within the client's timeout");
        }
    }

    private static bool IsJson(string body)
    {
        try
        {
            JsonNode.Parse(body);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private string NextMarker() => $"fz{Interlocked.Increment(ref _sequence):x6}";

    /// <summary>The hostile variants of one operation, each built around a marker that identifies it in storage.</summary>
    private static IEnumerable<Func<string, HttpRequestMessage>> Requests(string path, string method, JsonNode operation)
    {
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        var queryNames = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]?.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>()).ToList();
        var hasBody = operation["requestBody"] is not null;

        // Path parameters: a real-looking id, then hostile ones; queries hostile too.
        string Url(string marker, string pathValue, string queryValue) =>
            "api" + System.Text.RegularExpressions.Regex.Replace(path[4..], @"\{[^}]+\}", _ => Uri.EscapeDataString(pathValue))
            + (queryNames.Count == 0 ? "" : "?" + string.Join('&', queryNames.Select(q => $"{q}={Uri.EscapeDataString(queryValue + marker)}")));

        yield return marker => new HttpRequestMessage(httpMethod, Url(marker, Guid.NewGuid().ToString(), "-1")) { Content = hasBody ? Json("{}") : null };
        foreach (var hostile in new[] { Hostile[0], new string('9', 5000), "%00", Hostile[3] })
            yield return marker => new HttpRequestMessage(httpMethod, Url(marker, hostile + marker, hostile)) { Content = hasBody ? Json("{}") : null };
        if (!hasBody) yield break;

        var id = Guid.NewGuid().ToString();
        foreach (var body in new Func<string, string>[]
        {
            _ => "{",
            _ => "[]",
            _ => "null",
            m => $"\"{m}\"",
            m => "{" + string.Join(',', Fields.Select(f => $"\"{f}\": {{\"nested\": \"{m}\"}}")) + "}",
            m => "{" + string.Join(',', Fields.Select(f => $"\"{f}\": 12345678901234567890")) + $", \"x\": \"{m}\"}}",
            m => "{" + string.Join(',', Fields.Select(f => $"\"{f}\": \"{m}{new string('长', 8_000)}\"")) + "}",
            m => "{" + string.Join(',', Fields.Select(f => $"\"{f}\": \"{m}\\ud800\"")) + "}",
            m => $"{{\"title\": \"{m}{new string('x', 2 * 1024 * 1024)}\"}}",
            m => new string('[', 300) + $"\"{m}\"" + new string(']', 300),
            // Well-typed, so it can pass validation: hostile text must then be stored and served back harmlessly.
            m => new JsonObject
            {
                ["title"] = Hostile[1] + m, ["description"] = Hostile[0] + m, ["name"] = Hostile[3] + m, ["reason"] = Hostile[5] + m,
                ["skills"] = new JsonArray(Hostile[0] + m, Hostile[4] + m), ["regionCode"] = "150102", ["latitude"] = 40.8, ["longitude"] = 111.7,
                ["salaryMin"] = 3000, ["salaryMax"] = 5000, ["vacancies"] = 1, ["maxCommuteKm"] = 20, ["willingToRelocate"] = false,
            }.ToJsonString(),
            m => new JsonObject(Fields.Select(f => KeyValuePair.Create(f, (JsonNode?)JsonValue.Create(Hostile[f.Length % Hostile.Length] + m)))).ToJsonString(),
        })
        {
            yield return marker => new HttpRequestMessage(httpMethod, Url(marker, id, "1")) { Content = Json(body(marker)) };
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Markers of rejected requests found anywhere in any service's tables (plaintext columns and outbox bodies).</summary>
    private async Task<List<string>> StoredMarkersAsync(IReadOnlyCollection<string> markers)
    {
        var found = new List<string>();
        var wanted = markers.ToHashSet(StringComparer.Ordinal);
        foreach (var service in Platform.Services)
        {
            await using var connection = new NpgsqlConnection(platform.Servers.ConnectionStringFor(platform.DatabaseOf(service)));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            foreach (var table in tables)
            {
                await using var dump = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
                await using var rows = await dump.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    var row = rows.GetString(0);
                    foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(row, "fz[0-9a-f]{6}"))
                        if (wanted.Contains(match.Value)) found.Add($"{service}.{table}: {match.Value}");
                }
            }
        }
        return found;
    }
}
