using JobMatch.Contracts.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace JobMatch.ServiceDefaults.OpenApi;

/// <summary>
/// JSON as the services read and write it, and the OpenAPI document that describes it: enums by camel-case name,
/// numbers only as JSON numbers (so the document types them as numbers, not "number | string" with a pattern), the
/// bearer scheme, described tags; a Scalar API reference beside the document in Development.
/// </summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddDefaultOpenApi(this IServiceCollection services, ServiceIdentity service)
    {
        services.ConfigureHttpJsonOptions(options => Configure(options));
        services.AddOpenApi(options => options
            .AddDocumentTransformer((document, _, _) => Describe(document, service))
            .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddDocumentTransformer<ApiTagTransformer>());
        return services;
    }

    /// <summary>
    /// The document names the service, and its server is "/" — the host that served it: the gateway publishes each
    /// document at /openapi/{service}.json beside the /api paths, and a service alone serves both itself.
    /// </summary>
    private static Task Describe(OpenApiDocument document, ServiceIdentity service)
    {
        document.Info.Title = $"JobMatch {service.Name} API";
        document.Info.Description = $"The {service.Name} service of JobMatch, a job-matching platform for public employment services. Errors are RFC 9457 problem details in the caller's language (Accept-Language: zh-CN by default, en).";
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that served this document (the gateway, or the service itself)." }];
        return Task.CompletedTask;
    }

    /// <summary>The conventions written once, in the Contracts beside the answers' records: the portal reads with the same (record 068).</summary>
    private static void Configure(JsonOptions options) => ApiJson.Configure(options.SerializerOptions);

    /// <summary>
    /// The Scalar API reference at /scalar (Development only: the document itself is public everywhere). It reads the
    /// document at /openapi/v1.json on the same host, and through the gateway at /openapi/{service}.json.
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference().AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// One Scalar API reference at /scalar over several documents published on this host at /openapi/{name}.json
    /// (the gateway's, one per service), chosen from a list in the page.
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints, IReadOnlyList<string> documentNames)
    {
        endpoints.MapScalarApiReference(options =>
        {
            foreach (var name in documentNames) options.AddDocument(name, routePattern: $"/openapi/{name}.json", isDefault: name == documentNames[0]);
        }).AllowAnonymous();
        return endpoints;
    }
}
