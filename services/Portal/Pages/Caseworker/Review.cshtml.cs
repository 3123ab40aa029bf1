using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>Postings screening flagged, in the caseworker's regions: approve, reject with a reason, or return for editing.</summary>
public sealed class ReviewModel : PortalPage
{
    public IReadOnlyList<ReviewItem> Queue { get; private set; } = [];
    public Guid? FailedId { get; private set; }

    public async Task OnGetAsync() => Queue = (await PostingsApi.ReviewQueueAsync()).Value ?? [];

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string decision, string? reason)
    {
        if (decision is not ("approve" or "reject" or "return")) return BadRequest();
        FailedId = id;
        return await AfterAsync(await PostingsApi.DecideReviewAsync(id, decision, reason), decision switch { "approve" => "review.approved", "reject" => "review.rejected", _ => "review.returned" }, OnGetAsync);
    }
}
