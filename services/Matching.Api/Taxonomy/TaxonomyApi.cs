using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matching.Api.Taxonomy;

public static class TaxonomyApi
{
    private const string KindError = "Use skill, occupation or national (职业分类大典).";
    private const string DeriveError = "Derive a 职业分类大典 细类 (kind=national) from a title or an occupation.";

    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var taxonomy = endpoints.MapApiGroup("/api/matches/taxonomy", "Taxonomy", "Skills and occupations (ESCO, 职业分类大典 2022): suggestions while typing and normalisation of free text.");
        taxonomy.MapGet("/suggest", Suggest)
            .WithName("SuggestConcepts").WithSummary("Skills or occupations (ESCO or 职业分类大典) whose names start with or contain what was typed.");
        taxonomy.MapGet("/normalize", Normalize)
            .WithName("NormalizeConcepts").WithSummary("The skills and occupations a free text names, with the words that named them; with derive=title or occupation, the 职业分类大典 细类 a posting or profile would be given.");
        taxonomy.MapGet("/national", NationalChildren).AllowAnonymous() // reference data, for the public job board's filter
            .WithName("ListNationalOccupations").WithSummary("The codes of 职业分类大典 2022 under a code (the 8 大类 when none is given), in the classification's order, named in Chinese and English.");
        return endpoints;
    }

    /// <summary>
    /// Autocomplete for skills or occupations in Chinese or English (profile and posting forms); kind=national suggests
    /// 职业分类大典 codes by code, name, recruiting alias, English name and the words of their definitions.
    /// </summary>
    public static Results<Ok<IReadOnlyList<ConceptResponse>>, Ok<IReadOnlyList<NationalOccupationResponse>>, ValidationProblem> Suggest(
        SkillTaxonomy taxonomy, string? q, string? kind, int limit = 10)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(q) && q.Length <= 100, "q", "Type 1–100 characters.")
            .Require(kind is null or "skill" or "occupation" or "national", "kind", KindError);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var count = Math.Clamp(limit, 1, 50);
        if (kind == "national")
        {
            return TypedResults.Ok<IReadOnlyList<NationalOccupationResponse>>(
                taxonomy.National.Suggest(q, count).Select(o => National(taxonomy, o)).ToList());
        }
        return TypedResults.Ok<IReadOnlyList<ConceptResponse>>(taxonomy.Suggest(q!, KindOf(kind), count).Select(c => From(taxonomy, c)).ToList());
    }

    /// <summary>
    /// Browsing the classification a level at a time (pickers that work without script: 大类, then its 中类, then …):
    /// the codes directly under <paramref name="parent"/>, or the 大类 when none is given. Repeated codes are left out
    /// (they are read as the code they repeat). 400 naming parent for a code the classification lacks or a 细类.
    /// </summary>
    public static Results<Ok<IReadOnlyList<NationalOccupationResponse>>, ValidationProblem> NationalChildren(SkillTaxonomy taxonomy, string? parent = null)
    {
        var national = taxonomy.National;
        var code = string.IsNullOrWhiteSpace(parent) ? null : national.Find(TextNormalizer.Clean(parent));
        var validation = new Validation().Require(string.IsNullOrWhiteSpace(parent) || code is { Level: not NationalLevel.Occupation }, "parent", NationalClassification.NotACode);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var children = code is null ? national.Codes.Where(c => c.Level == NationalLevel.MajorGroup) : national.ChildrenOf(code.Code);
        return TypedResults.Ok<IReadOnlyList<NationalOccupationResponse>>(children.Where(c => c.SameAs is null).Select(c => National(taxonomy, c)).ToList());
    }

    /// <summary>
    /// What concepts free text names ("会开叉车，有焊工证", "JS developer"); kind=national: the 职业分类大典 occupations it
    /// names by code or name, or, for a job title, the one the title names; derive=title or derive=occupation: the 细类 a
    /// posting with this title or a profile seeking this occupation is given when none is chosen (the forms' preview).
    /// </summary>
    public static Results<Ok<NormalizedText>, Ok<NormalizedNationalText>, ValidationProblem> Normalize(SkillTaxonomy taxonomy, string? text, string? kind,
        string? derive = null)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(text) && text.Length <= 2000, "text", "Give 1–2,000 characters of text.")
            .Require(kind is null or "skill" or "occupation" or "national", "kind", KindError)
            .Require(derive is null || (kind == "national" && derive is "title" or "occupation"), "derive", DeriveError);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (derive is not null)
        {
            // Exactly what a posting (from its title) or a profile (from an occupation sought) is given when no 细类 is.
            var code = derive == "title" ? taxonomy.NationalCodeFor(null, [], text) : taxonomy.NationalCodeFor(null, [text], text);
            var derived = taxonomy.National.Find(code) is { } occupation ? new[] { National(taxonomy, occupation) } : [];
            return TypedResults.Ok(new NormalizedNationalText(text!, derived));
        }
        if (kind == "national")
        {
            return TypedResults.Ok(new NormalizedNationalText(text!, NationalNamedIn(taxonomy, text!).Select(o => National(taxonomy, o)).ToList()));
        }
        var found = taxonomy.Find(text!, KindOf(kind)) is { } whole ? [whole] : taxonomy.Extract(text!, KindOf(kind));
        return TypedResults.Ok(new NormalizedText(text!, found.Select(c => From(taxonomy, c)).ToList()));
    }

    private static IReadOnlyList<NationalOccupation> NationalNamedIn(SkillTaxonomy taxonomy, string text)
    {
        var national = taxonomy.National;
        if ((national.Find(text) ?? national.FindByName(text)) is { } whole) return [national.Canonical(whole)];
        var named = national.Extract(text);
        return named.Count > 0 ? named : taxonomy.NationalOccupationOfTitle(text) is { } ofTitle ? [ofTitle] : [];
    }

    private static ConceptKind? KindOf(string? kind) => kind switch
    {
        "skill" => ConceptKind.Skill,
        "occupation" => ConceptKind.Occupation,
        _ => null,
    };

    private static ConceptResponse From(SkillTaxonomy taxonomy, Concept concept) => concept.Kind == ConceptKind.Skill
        ? new(concept.Id, "skill", concept.Label, concept.LabelZh, concept.EscoUri)
        : new(concept.Id, "occupation", concept.Label, concept.LabelZh, concept.EscoUri, taxonomy.NationalOccupationsOf(concept.Id).Select(o => o.Code).ToList());

    private static NationalOccupationResponse National(SkillTaxonomy taxonomy, NationalOccupation code) => new(
        code.Code, LevelOf(code.Level), code.Name, code.NameEn, code.ParentCode, code.Green, code.Digital, code.Crosswalk?.IscoGroup,
        code.Level == NationalLevel.Occupation && code.Crosswalk?.EscoOccupationUris.Count > 0
            ? taxonomy.EscoOccupationsOf(code.Code).Select(id => From(taxonomy, taxonomy[id])).ToList()
            : []);

    private static string LevelOf(NationalLevel level) => level switch
    {
        NationalLevel.MajorGroup => "major-group",
        NationalLevel.MiddleGroup => "middle-group",
        NationalLevel.MinorGroup => "minor-group",
        _ => "occupation",
    };
}
