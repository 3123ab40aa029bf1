using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Jobs;

/// <summary>
/// One published posting, for anyone, at an address to share: employer, place, pay, requirements, dates, key groups
/// welcomed, its 职业分类大典 occupation with a link to the job board's postings of the same 中类. A signed-in seeker applies here (others are asked to sign in first) and sees where their application is.
/// </summary>
public sealed class PostingModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public JsonNode? Posting { get; private set; }
    /// <summary>The seeker's application to this posting, if they applied.</summary>
    public JsonNode? Application { get; private set; }
    /// <summary>The posting's 职业分类大典 细类, named (null when it has none or the classification did not answer).</summary>
    public NationalCode? NationalOccupation { get; private set; }
    public bool IsSeeker => User.IsInRole("seeker");
    public string ShareLink => $"{Request.Scheme}://{Request.Host}/Jobs/{Id}";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Posting is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? coverNote)
    {
        if (!IsSeeker) return Challenge();
        var result = await Api.PostAsync($"api/postings/{Id}/applications", new { coverNote = string.IsNullOrWhiteSpace(coverNote) ? null : coverNote });
        return await AfterAsync(result, "search.applied", LoadAsync, new { id = Id });
    }

    private async Task LoadAsync()
    {
        var posting = await Api.GetAsync($"api/postings/{Id}");
        Posting = posting.Ok ? posting.Body : null;
        if (!posting.Ok && !posting.NotFound) Problem ??= posting;
        NationalOccupation = Posting is null ? null : await NationalOccupations.OccupationAsync(Api, Posting.Str("nationalOccupationCode"));
        if (Posting is null || !IsSeeker) return;
        var mine = await Api.GetAsync("api/applications/mine");
        Application = mine.Array.FirstOrDefault(application => application.Str("postingId") == Id.ToString());
    }
}
