using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Problems;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matching.Api.Taxonomy;

public sealed record ConceptResponse(int Id, string Kind, string Label, string? LabelZh, string EscoUri);

public sealed record NormalizedText(string Text, IReadOnlyList<ConceptResponse> Concepts);

public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var taxonomy = endpoints.MapApiGroup("/api/matches/taxonomy", "Taxonomy");
        taxonomy.MapGet("/suggest", Suggest);
        taxonomy.MapGet("/normalize", Normalize);
        return endpoints;
    }

    /// <summary>Autocomplete for skills or occupations in Chinese or English (profile and posting forms).</summary>
    public static Results<Ok<IReadOnlyList<ConceptResponse>>, ValidationProblem> Suggest(SkillTaxonomy taxonomy, string? q, string? kind, int limit = 10)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(q) && q.Length <= 100, "q", "Type 1–100 characters.")
            .Require(kind is null or "skill" or "occupation", "kind", "Use skill or occupation.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok<IReadOnlyList<ConceptResponse>>(
            taxonomy.Suggest(q!, KindOf(kind), Math.Clamp(limit, 1, 50)).Select(From).ToList());
    }

    /// <summary>What concepts free text names ("会开叉车，有焊工证", "JS developer").</summary>
    public static Results<Ok<NormalizedText>, ValidationProblem> Normalize(SkillTaxonomy taxonomy, string? text, string? kind)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(text) && text.Length <= 2000, "text", "Give 1–2,000 characters of text.")
            .Require(kind is null or "skill" or "occupation", "kind", "Use skill or occupation.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var found = taxonomy.Find(text!, KindOf(kind)) is { } whole ? [whole] : taxonomy.Extract(text!, KindOf(kind));
        return TypedResults.Ok(new NormalizedText(text!, found.Select(From).ToList()));
    }

    private static ConceptKind? KindOf(string? kind) => kind switch
    {
        "skill" => ConceptKind.Skill,
        "occupation" => ConceptKind.Occupation,
        _ => null,
    };

    private static ConceptResponse From(Concept concept) =>
        new(concept.Id, concept.Kind == ConceptKind.Skill ? "skill" : "occupation", concept.Label, concept.LabelZh, concept.EscoUri);
}
