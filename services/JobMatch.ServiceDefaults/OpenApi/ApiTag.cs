using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobMatch.ServiceDefaults.OpenApi;

/// <summary>A feature's tag in its service's OpenAPI document and what the feature is for, set once on its endpoint group.</summary>
public sealed record ApiTag(string Name, string Description);

/// <summary>
/// Lists every tag the document's operations use, with its description from the operations' <see cref="ApiTag"/>
/// metadata, so readers (and generated clients) see what each group of operations is for.
/// </summary>
internal sealed class ApiTagTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var tags = context.DescriptionGroups.SelectMany(group => group.Items)
            .SelectMany(item => item.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .DistinctBy(tag => tag.Name).OrderBy(tag => tag.Name, StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }
}
