using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace JobPostings.Api.Applications;

/// <summary>
/// Which of a posting's applicants to list: one status or all, a numbered page (1 to <see cref="MaxPage"/>) of
/// <see cref="Limit"/> applicants (1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>), first applied first.
/// Staff give a reason (each applicant shown gets an audit entry); the posting's employer needs none. The names are
/// given so the OpenAPI document spells them as the API is called (camelCase), not as the record's properties.
/// </summary>
public sealed record ApplicantsQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "reason")] string? Reason)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
    public const int MaxPage = 1000;

    public ApplicationStatus? StatusFilter =>
        Enum.TryParse<ApplicationStatus>(Status, ignoreCase: true, out var status) && !int.TryParse(Status, out _) ? status : null;

    public int EffectivePage => Page ?? 1;

    public int EffectiveLimit => Limit ?? DefaultLimit;

    public int Offset => (EffectivePage - 1) * EffectiveLimit;

    /// <summary>The query's own rules, and the reason's when staff read (<paramref name="byStaff"/>).</summary>
    public Validation Validate(bool byStaff) => (byStaff ? StaffReads.RequireReason(Reason) : new Validation())
        .Require(Status is null || StatusFilter is not null, "status", "The status is submitted, viewed, interview, offer, hired, rejected or withdrawn.")
        .Require(Page is null or (>= 1 and <= MaxPage), "page", $"The page is between 1 and {MaxPage}.")
        .Require(Limit is null or (>= 1 and <= MaxLimit), "limit", $"The limit is between 1 and {MaxLimit}.");
}

/// <summary>A posting's totals per status (the answer record, JobMatch.Contracts.Responses) made from the counts as stored.</summary>
public static class ApplicantTotalsResponses
{
    extension(ApplicantTotals)
    {
        public static ApplicantTotals From(IReadOnlyDictionary<ApplicationStatus, int> counts)
        {
            int Of(ApplicationStatus status) => counts.GetValueOrDefault(status);
            return new ApplicantTotals(counts.Values.Sum(), Of(ApplicationStatus.Submitted), Of(ApplicationStatus.Viewed), Of(ApplicationStatus.Interview),
                Of(ApplicationStatus.Offer), Of(ApplicationStatus.Hired), Of(ApplicationStatus.Rejected), Of(ApplicationStatus.Withdrawn));
        }
    }
}
