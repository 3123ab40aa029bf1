using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>Postings screening flagged, in the caseworker's regions: approve, reject with a reason, or return for editing.</summary>
public sealed class ReviewModel : PortalPage
{
    public ApiResult? Queue { get; private set; }
    public Guid? FailedId { get; private set; }

    public async Task OnGetAsync() => Queue = await Api.GetAsync("api/review");

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string decision, string? reason)
    {
        if (decision is not ("approve" or "reject" or "return")) return BadRequest();
        FailedId = id;
        var body = decision == "approve" ? null : new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason };
        return await AfterAsync(await Api.PostAsync($"api/review/{id}/{decision}", body), decision switch { "approve" => "review.approved", "reject" => "review.rejected", _ => "review.returned" }, OnGetAsync);
    }
}
