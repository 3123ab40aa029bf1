using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses;

namespace Portal.Infrastructure;

/// <summary>
/// Calls the platform's APIs through the gateway with the signed-in user's bearer token, server-side, in the page's
/// language (Accept-Language) and on behalf of the visitor's address (X-Forwarded-For: the gateway counts sign-in
/// attempts per visitor, not per portal). The typed calls read an answer into the service's own response record
/// (JobMatch.Contracts.Responses, with the services' JSON conventions, <see cref="ApiJson"/>); the per-API clients
/// (<see cref="PostingsApi"/> …, <see cref="IdentityApi"/> for the gateway's own issuer) name them (docs/decisions/068).
/// A call answered without a body (204) returns the plain <see cref="ApiResult"/>; only a refusal's problem is read as JSON.
/// </summary>
public sealed class GatewayClient(HttpClient http, IHttpContextAccessor accessor)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>
    /// A typed call: a success is read into <typeparamref name="T"/> (an empty body gives default), a refusal keeps its
    /// problem. An answer that does not read as the record is a broken contract, not a refusal: it throws (the contract
    /// tests of each service are there so it never does).
    /// </summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(method, path, body, authenticated: true, cancellationToken) is (var status, var text)
            ? Read<T>(status, text) : ApiResult<T>.Unavailable;

    private static ApiResult<T> Read<T>(HttpStatusCode status, string text) => (int)status is >= 200 and < 300
        ? ApiResult<T>.Success(status, text.Length == 0 ? default : JsonSerializer.Deserialize<T>(text, ApiJson.Options))
        : ApiResult<T>.Refused(status, Parse(text));

    /// <summary>An anonymous typed call (sign-in, registration); a 401 here is the answer, not an expired session.</summary>
    public async Task<ApiResult<T>> PostAnonymousAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(HttpMethod.Post, path, body, authenticated: false, cancellationToken) is (var status, var text)
            ? Read<T>(status, text) : ApiResult<T>.Unavailable;

    public Task<ApiResult> PostAsync(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>A call answered without a body (204): its status, or the refusal's problem.</summary>
    public async Task<ApiResult> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(method, path, body, authenticated: true, cancellationToken) is (var status, var text)
            ? ApiResult.From(status, (int)status is >= 200 and < 300 ? null : Parse(text)) : ApiResult.Unavailable;

    /// <summary>The answer's status and text; null when the gateway could not be reached or did not answer in time.</summary>
    private async Task<(HttpStatusCode Status, string Text)?> ExchangeAsync(
        HttpMethod method, string path, object? body, bool authenticated, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: ApiJson.Options);
        var token = authenticated ? accessor.HttpContext?.User.FindFirst(PortalClaims.AccessToken)?.Value : null;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Polly.ExecutionRejectedException)
        {
            // Timed out, or the circuit to the gateway is open after repeated failures.
            return null;
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null) throw new SignInRequiredException();
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
