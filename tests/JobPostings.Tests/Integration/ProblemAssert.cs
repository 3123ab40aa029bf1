using System.Net;
using System.Text.Json;

namespace JobPostings.Tests.Integration;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 validation problem and returns the names of the fields it names.</summary>
    public static async Task<IReadOnlyList<string>> IsValidationProblemAsync(HttpResponseMessage response)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.All(errors.EnumerateObject(), field => Assert.NotEqual(0, field.Value.GetArrayLength()));
        return errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal).ToList();
    }
}
