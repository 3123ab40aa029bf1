using JobMatch.Contracts.Responses.Postings;
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

    public PostingResponse? Posting { get; private set; }
    /// <summary>The seeker's application to this posting, if they applied.</summary>
    public ApplicationResponse? Application { get; private set; }
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
        var result = await PostingsApi.ApplyAsync(Id, coverNote);
        return await AfterAsync(result, "search.applied", LoadAsync, new { id = Id });
    }

    private async Task LoadAsync()
    {
        var posting = await PostingsApi.GetAsync(Id);
        Posting = posting.Value;
        if (!posting.Ok && !posting.NotFound) Problem ??= posting;
        NationalOccupation = Posting is null ? null : await NationalOccupations.OccupationAsync(MatchingApi, Posting.NationalOccupationCode);
        if (Posting is null || !IsSeeker) return;
        var mine = await PostingsApi.MyApplicationsAsync();
        Application = mine.Value?.FirstOrDefault(application => application.PostingId == Id);
    }
}
