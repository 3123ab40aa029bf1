using JobMatch.Contracts;
using System.Net;
using System.Text.Json;

namespace JobPostings.Tests.Integration;

/// <summary>What operators and client generators reach without a token.</summary>
public sealed class ServiceEndpointsTests : PostingsHost
{
    [Fact]
    public async Task Readiness_reports_healthy_with_the_database_and_bus_checks_listed()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(check => check.Name, check => check.Value);
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.Contains(checks.Keys, name => name.StartsWith("masstransit", StringComparison.Ordinal));
        Assert.NotEqual("Unhealthy", report.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Liveness_answers_anonymously()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_anonymously_and_describes_the_postings_endpoints()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/postings", paths);
        Assert.Contains("/api/postings/{id}/publish", paths);
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_says_whether_a_national_code_was_chosen_or_derived()
    {
        using var client = Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "PostingResponse", "CreatePostingRequest" })
        {
            Assert.True(schemas.GetProperty(schema).GetProperty("properties").TryGetProperty("nationalOccupationSource", out var property),
                schemas.GetProperty(schema).GetRawText());
            // A nullable enum is oneOf null and the enum's schema; the description sits beside the reference.
            Assert.Contains(property.GetProperty("oneOf").EnumerateArray(), branch =>
                branch.TryGetProperty("description", out var description) && description.GetString()!.Contains("derived", StringComparison.Ordinal));
            Assert.Contains("\"#/components/schemas/NationalOccupationSource\"", property.GetRawText(), StringComparison.Ordinal);
        }
        // The generator lists null among the values of an enum used as nullable; the names are the two sources.
        Assert.Equal(["chosen", "derived"], schemas.GetProperty("NationalOccupationSource").GetProperty("enum").EnumerateArray()
            .Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()));
    }

    [Theory]
    [InlineData("/api/postings/screening", "post", "PreviewScreening")]
    [InlineData("/api/postings/salary-guide", "get", "GetSalaryGuide")]
    [InlineData("/api/postings/{id}/complaints", "post", "FileComplaint")]
    [InlineData("/api/review", "get", "ListReviewQueue")]
    public async Task Screening_operations_are_named_and_summarised_in_the_OpenAPI_document(string path, string method, string operationId)
    {
        using var client = Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }
}
