using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobMatch.Contracts.Responses;
using Xunit;

namespace JobMatch.Testing;

/// <summary>
/// Reads a service's real answer into the shared response record (JobMatch.Contracts.Responses) as strictly as JSON
/// allows: a member the record does not know (a field renamed or added only in the service) fails, so does a missing
/// constructor parameter or a null where the record says none can be. The portal reads with <see cref="ApiJson.Options"/>;
/// these are the same conventions with the strictness on (docs/decisions/068).
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Strict = new(ApiJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The answer's body as <typeparamref name="T"/>, after checking its status (the body is in the message when it differs).</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonSerializer.Deserialize<T>(text, Strict) ?? throw new JsonException($"{typeof(T).Name}: the body is null.");
    }

    /// <summary>GET <paramref name="path"/>, read strictly as <typeparamref name="T"/>.</summary>
    public static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync<T>(response);
    }
}
