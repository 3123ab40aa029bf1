using System.Net;
using System.Text.Json;

namespace Profiles.Tests.Integration;

internal static class ProblemAssert
{
    /// <summary>Asserts a 400 validation problem (RFC 9457) and returns the names of the fields it names.</summary>
    public static async Task<IReadOnlyList<string>> IsValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = document.RootElement.GetProperty("errors");
        Assert.All(errors.EnumerateObject(), field => Assert.NotEqual(0, field.Value.GetArrayLength()));
        return errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal).ToList();
    }
}
