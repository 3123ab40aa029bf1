using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using Matching.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JobPostings.Api.SalaryGuide;

/// <summary>
/// The salary guide as the guide and screening see it; entries below the minimum sample are listed, not used. Scheme
/// national: entries by 职业分类大典 (scopes occupation, minorGroup, middleGroup, majorGroup), named in Names; no benchmark
/// (screening judges by the posting's occupation code).
/// </summary>
public sealed record SalaryGuideResponse(DateTime? RefreshedAt, int MinimumSample, SalaryGuideEntry? Benchmark, IReadOnlyList<SalaryGuideEntry> Entries,
    string Scheme = "esco", IReadOnlyList<ReportGroup>? Names = null);

/// <summary>Read-only, for staff: the caseworkers' labour-market monitoring charts it (工资指导价位).</summary>
public static class SalaryGuideApi
{
    private const int MaxEntries = 2000;

    public static IEndpointRouteBuilder MapSalaryGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var guide = endpoints.MapApiGroup("/api/postings/salary-guide", "Salary guide", "Posted pay per occupation and league.").RequireAuthorization(Policies.Staff);
        guide.MapGet("/", GetSalaryGuide)
            .WithName("GetSalaryGuide")
            .WithSummary("Posted pay per occupation and league over the last 12 months (median and quartiles), and the entry screening uses; scheme=national: by 职业分类大典 细类, 小类, 中类 and 大类, named.");
        return endpoints;
    }

    /// <summary>
    /// Without filters, every entry; with an occupation, that occupation and its group; with a region, its league and the
    /// whole region. With both, also the benchmark: the entry screening would judge such a posting's pay by.
    /// </summary>
    public static async Task<Results<Ok<SalaryGuideResponse>, ValidationProblem>> GetSalaryGuide(
        SalaryGuideStore store, IOptions<SalaryGuideOptions> options, CancellationToken cancellationToken, string? occupation = null, string? region = null,
        string? scheme = null)
    {
        var national = string.Equals(scheme?.Trim(), "national", StringComparison.OrdinalIgnoreCase);
        var validation = new Validation()
            .Require(scheme is null || national || string.Equals(scheme.Trim(), "esco", StringComparison.OrdinalIgnoreCase), "scheme", ReportGrouping.InvalidScheme)
            .Require(occupation is null || (occupation.Length <= 100 && TextNormalizer.FindForbidden(occupation) < 0), "occupation",
                "The occupation is a code of at most 100 characters, e.g. 4-02-06.");
        if (national && !string.IsNullOrWhiteSpace(occupation))
            validation.Require(NationalClassification.Shared.IsCode(TextNormalizer.Clean(occupation)), "occupation", NationalClassification.NotACode);
        if (region is not null) validation.RequireRegionCode(region, "region");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        occupation = string.IsNullOrWhiteSpace(occupation) ? null : national ? TextNormalizer.Clean(occupation) : occupation.Trim();
        if (national)
        {
            var byNational = await store.ListNationalAsync(occupation, region, MaxEntries, cancellationToken);
            var names = byNational.Select(entry => entry.Occupation).Distinct(StringComparer.Ordinal)
                .Select(code => NationalClassification.Shared.Find(code)).OfType<NationalOccupation>()
                .Select(code => new ReportGroup(code.Code, code.Name, code.NameEn)).ToList();
            return TypedResults.Ok(new SalaryGuideResponse(await store.RefreshedAtAsync(cancellationToken), options.Value.MinimumSample, null, byNational, "national", names));
        }
        var entries = await store.ListAsync(occupation, region, MaxEntries, cancellationToken);
        var benchmark = region is null ? null : await store.BenchmarkAsync(occupation, region, cancellationToken);
        return TypedResults.Ok(new SalaryGuideResponse(await store.RefreshedAtAsync(cancellationToken), options.Value.MinimumSample, benchmark, entries));
    }
}
