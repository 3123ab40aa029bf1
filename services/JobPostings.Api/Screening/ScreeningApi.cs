using JobMatch.ServiceDefaults;
using JobPostings.Api.SalaryGuide;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Screening;

/// <summary>Screening as a dry run, so the posting form can show the flags while the employer writes.</summary>
public static class ScreeningApi
{
    /// <summary>Employers write postings; caseworkers help them, and check wording on their behalf.</summary>
    public const string PreviewPolicy = "screening-preview";

    public static IEndpointRouteBuilder MapScreeningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var screening = endpoints.MapApiGroup("/api/postings/screening", "Screening", "Checking a posting's text against the rules without storing it.");
        screening.MapPost("/", PreviewScreening).RequireAuthorization(PreviewPolicy)
            .WithName("PreviewScreening")
            .WithSummary("Screen a title and description (and, if given, the pay against the salary guide) without storing anything.");
        return endpoints;
    }

    /// <summary>
    /// The same rules publishing applies, on the text as written; nothing is stored. Copies of other employers'
    /// postings are not looked for here (that needs the stored posting), only at publishing.
    /// </summary>
    public static async Task<Results<Ok<ScreeningPreview>, ValidationProblem>> PreviewScreening(
        ScreeningPreviewRequest request, SalaryGuideStore salaryGuide, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var market = request.RegionCode is null ? null : await salaryGuide.BenchmarkAsync(request.OccupationCode?.Trim(), request.RegionCode, cancellationToken);
        return TypedResults.Ok(new ScreeningPreview(Screener.Screen(request.ToContent(), copiesAnotherEmployer: false, market), market));
    }
}
