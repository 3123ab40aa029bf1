using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.OpenApi;

namespace JobMatch.Gateway.ApiReference;

/// <summary>
/// In Development, the gateway serves one Scalar API reference at /scalar over every service's OpenAPI document, read
/// from the routes that publish them (<c>/openapi/{service}.json</c>), so adding a service's document route adds it here.
/// </summary>
public static partial class GatewayApiReference
{
    public static WebApplication MapGatewayApiReference(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        var documents = PublishedDocuments(app.Configuration);
        if (documents.Count > 0) app.MapApiReference(documents);
        return app;
    }

    /// <summary>The names of the documents the proxy's routes publish, in configuration order.</summary>
    public static IReadOnlyList<string> PublishedDocuments(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => DocumentPath().Match(route["Match:Path"] ?? ""))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)
            .ToList();

    [GeneratedRegex("^/openapi/(?<name>[a-z]+)\\.json$")]
    private static partial Regex DocumentPath();
}
