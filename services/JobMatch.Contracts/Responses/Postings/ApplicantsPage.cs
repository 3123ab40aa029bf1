namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// One page of a posting's applicants: <see cref="Total"/> counts those the status filter keeps, <see cref="Totals"/>
/// every status of the posting (for "面试 12 · 录用 3" beside the filter), whatever the filter.
/// </summary>
public sealed record ApplicantsPage(IReadOnlyList<ApplicationResponse> Items, int Total, int Page, int Limit, ApplicantTotals Totals);

/// <summary>A posting's applications by status; <see cref="All"/> is their sum.</summary>
public sealed record ApplicantTotals(int All, int Submitted, int Viewed, int Interview, int Offer, int Hired, int Rejected, int Withdrawn)
{
    /// <summary>How many are at a status (null: all of them).</summary>
    public int Of(ApplicationStatus? status) => status switch
    {
        null => All,
        ApplicationStatus.Submitted => Submitted,
        ApplicationStatus.Viewed => Viewed,
        ApplicationStatus.Interview => Interview,
        ApplicationStatus.Offer => Offer,
        ApplicationStatus.Hired => Hired,
        ApplicationStatus.Rejected => Rejected,
        _ => Withdrawn,
    };
}
