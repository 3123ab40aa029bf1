using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobMatch.DemoData.Loading;

/// <summary>
/// Calls one service's public API directly on its port (not through the gateway, whose per-client rate limits are
/// there to stop exactly this many calls from one address), with a token per call so each row has its real owner.
/// </summary>
public sealed class ServiceClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri? BaseAddress => http.BaseAddress;

    public static ServiceClient For(Uri baseAddress) => new(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    });

    /// <summary>Sends a call and returns the answer's JSON; any status but the expected ones is an error naming the call.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string token, HttpMethod method, string path, object? body,
        params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
            throw new InvalidOperationException($"{method} {http.BaseAddress}{path} answered {(int)response.StatusCode}: {text}");
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> SendAsync(string token, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        (await CallAsync(token, method, path, body, [expected])).Body!;
}
