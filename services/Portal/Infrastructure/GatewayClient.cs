using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Infrastructure;

/// <summary>
/// Calls the platform's APIs through the gateway with the signed-in user's bearer token, server-side, in the page's
/// language (Accept-Language) and on behalf of the visitor's address (X-Forwarded-For: the gateway counts sign-in
/// attempts per visitor, not per portal). Answers are kept as JSON nodes: the portal shows what the APIs return
/// (explanations grow fields) without a copy of each record.
/// </summary>
public sealed class GatewayClient(HttpClient http, IHttpContextAccessor accessor)
{
    public Task<ApiResult> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult> PostAsync(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult> PutAsync(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<ApiResult> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>An anonymous call (sign-in, registration); a 401 here is the answer, not an expired session.</summary>
    public async Task<ApiResult> PostAnonymousAsync(string path, object body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await ReadAsync(request, cancellationToken);
    }

    public async Task<ApiResult> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        var token = accessor.HttpContext?.User.FindFirst(PortalClaims.AccessToken)?.Value;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var result = await ReadAsync(request, cancellationToken);
        if (result.Status == HttpStatusCode.Unauthorized && token is not null) throw new SignInRequiredException();
        return result;
    }

    private async Task<ApiResult> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(Language.ApiLanguage(Language.Of(accessor.HttpContext))));
        // The visitor as the portal's forwarded-headers middleware established it (the gateway in front is trusted).
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", visitor.ToString());
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return ApiResult.Unavailable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiResult.Unavailable;
        }
        catch (Polly.ExecutionRejectedException)
        {
            // Timed out, or the circuit to the gateway is open after repeated failures.
            return ApiResult.Unavailable;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? node = null;
            if (text.Length > 0)
            {
                try
                {
                    node = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                }
            }
            return ApiResult.From(response.StatusCode, node);
        }
    }
}

/// <summary>An API answer: its status, its JSON, and for problems their title and field-level messages.</summary>
public sealed class ApiResult
{
    public static readonly ApiResult Unavailable = new(HttpStatusCode.ServiceUnavailable, null, "unavailable");

    private ApiResult(HttpStatusCode status, JsonNode? body, string? title)
    {
        Status = status;
        Body = body;
        Title = title;
    }

    public HttpStatusCode Status { get; }
    public JsonNode? Body { get; }
    /// <summary>The problem's title; null on success.</summary>
    public string? Title { get; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Ok => (int)Status is >= 200 and < 300;
    public bool NotFound => Status == HttpStatusCode.NotFound;

    public JsonArray Array => Body as JsonArray ?? Body?["items"] as JsonArray ?? [];

    /// <summary>The portal's own refusal of what was typed (before any API call), shaped like the APIs' problems.</summary>
    public static ApiResult Invalid(string title, IReadOnlyDictionary<string, string> errors)
    {
        var result = new ApiResult(HttpStatusCode.BadRequest, null, title);
        foreach (var (field, message) in errors) result.Errors[field] = [message];
        return result;
    }

    /// <summary>This problem with more field messages (the portal's checks beside the API's).</summary>
    public ApiResult With(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) Errors[field] = Errors.TryGetValue(field, out var known) ? [.. known, message] : [message];
        return this;
    }

    public static ApiResult From(HttpStatusCode status, JsonNode? body)
    {
        var ok = (int)status is >= 200 and < 300;
        var result = new ApiResult(status, body, ok ? null : body?["title"]?.GetValue<string>() ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!ok && body?["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors)
                result.Errors[field] = messages is JsonArray list ? list.Select(m => m?.ToString() ?? "").ToArray() : [messages?.ToString() ?? ""];
        }
        return result;
    }
}
