using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>A posting's applicants; the employer moves each one forward a step, or rejects with a reason.</summary>
public sealed class ApplicantsModel : PortalPage
{
    public static readonly string[] Moves = ["viewed", "interview", "offer", "hired", "rejected"];

    [BindProperty(SupportsGet = true)] public Guid PostingId { get; set; }

    public JsonNode? Posting { get; private set; }
    public ApiResult? Applicants { get; private set; }

    public async Task OnGetAsync()
    {
        var posting = await Api.GetAsync($"api/postings/{PostingId}");
        Posting = posting.Ok ? posting.Body : null;
        Applicants = await Api.GetAsync($"api/postings/{PostingId}/applications");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? status, string? reason) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/status", new { status, reason = string.IsNullOrWhiteSpace(reason) ? null : reason }),
            "applicants.moved", OnGetAsync, new { postingId = PostingId });
}
