using System.Globalization;
using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// A posting's applicants as people: each one's card from the profile service under the seeker's consent (name,
/// phone and profile; the contact alone after an accepted request; masked otherwise, with "request contact"), the
/// interview (schedule, move, cancel; the seeker's answer and note), and the step forward or the rejection. A page
/// of <see cref="PageSize"/> at a time, of one status or all, with links to each status and its count.
/// </summary>
public sealed class ApplicantsModel : PortalPage
{
    public static readonly ApplicationStatus[] Moves =
        [ApplicationStatus.Viewed, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired, ApplicationStatus.Rejected];

    /// <summary>Applicants a page; their cards come in one call (the profile service reads up to 50 at a time).</summary>
    public const int PageSize = 20;

    /// <summary>The statuses the filter links offer, in the order an application moves.</summary>
    public static readonly ApplicationStatus[] Statuses = Enum.GetValues<ApplicationStatus>();

    [BindProperty(SupportsGet = true)] public Guid PostingId { get; set; }

    /// <summary>The status shown (null: all); named "show" so it never meets the move form's "status".</summary>
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }

    /// <summary>The page shown; "p", because "page" is the route value Razor Pages names a page by.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PostingResponse? Posting { get; private set; }
    public ApiResult<ApplicantsPage>? Applicants { get; private set; }
    public IReadOnlyDictionary<Guid, ApplicantCard> ApplicantCards { get; private set; } = new Dictionary<Guid, ApplicantCard>();

    /// <summary>The interview form as typed, kept when the API refused it (by application id).</summary>
    public InterviewForm? Typed { get; private set; }

    public sealed record InterviewForm(Guid ApplicationId, string? Date, string? Time, string? Place, string? ContactName, string? ContactPhone);

    public IReadOnlyList<ApplicationResponse> Items => Applicants?.Value?.Items ?? [];

    /// <summary>Applicants at the status shown (all of them without a filter).</summary>
    public int Total => Applicants?.Value?.Total ?? 0;

    public int PageCount => (Total + PageSize - 1) / PageSize;

    /// <summary>How many applications are at a status (null: all), whatever the filter.</summary>
    public int CountOf(ApplicationStatus? status) => Applicants?.Value?.Totals.Of(status) ?? 0;

    /// <summary>The status shown as the record names it (null: all, or a status the API does not know, which it refuses).</summary>
    public ApplicationStatus? Shown => Statuses.Cast<ApplicationStatus?>().FirstOrDefault(status => ApiJson.Name(status!.Value) == Show);

    /// <summary>This page's address with another status or page; a post's redirect keeps both.</summary>
    public string Link(string? show, int page = 1) =>
        $"/Employer/Applicants?postingId={PostingId}" + (show is null ? "" : $"&show={Uri.EscapeDataString(show)}") + (page > 1 ? $"&p={page}" : "");

    private object Here => new { postingId = PostingId, show = Show, p = PageNumber > 1 ? PageNumber : (int?)null };

    /// <summary>
    /// Another organisation's posting (its applications 403 or 404 to this caller) is not found here either; a page past
    /// the last (its applicants moved on to another status) goes to the last.
    /// </summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Applicants is { Status: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound }) return NotFound();
        if (Applicants is { Status: System.Net.HttpStatusCode.BadRequest }) Problem = Applicants;
        return Items.Count == 0 && PageNumber > 1 && PageCount >= 1 ? Redirect(Link(Show, PageCount)) : Page();
    }

    private async Task LoadAsync()
    {
        Posting = (await PostingsApi.GetAsync(PostingId)).Value;
        Applicants = await PostingsApi.ApplicantsAsync(PostingId, Show, Math.Max(PageNumber, 1), PageSize);
        if (!Applicants.Ok) return;
        ApplicantCards = await CardsAsync(Items.Select(a => a.Id).ToList());
    }

    /// <summary>
    /// The page's cards in one call (not one call per applicant); a card the profile service does not have yet (the
    /// application's event in flight) or may not show is missing, and the page shows it masked.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, ApplicantCard>> CardsAsync(IReadOnlyList<Guid> applicationIds)
    {
        if (applicationIds.Count == 0) return new Dictionary<Guid, ApplicantCard>();
        var cards = await ProfilesApi.ApplicantCardsAsync(PostingId, applicationIds);
        return (cards.Value ?? []).ToDictionary(card => card.ApplicationId);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? status, string? reason) =>
        await AfterAsync(await PostingsApi.MoveApplicationAsync(id, status, reason), "applicants.moved", LoadAsync, Here);

    /// <summary>Schedules or moves the interview: the date and time are Beijing time as the employer typed them.</summary>
    public async Task<IActionResult> OnPostInterviewAsync(Guid id, string? date, string? time, string? place, string? contactName, string? contactPhone)
    {
        Typed = new InterviewForm(id, date, time, place, contactName, contactPhone);
        var at = At(date, time);
        if (at is null)
        {
            Refuse("at", "interview.when");
            return await RefusedAsync(LoadAsync);
        }
        return await AfterAsync(await PostingsApi.ScheduleInterviewAsync(id, at.Value, place, contactName, contactPhone), "interview.scheduled", LoadAsync, Here);
    }

    public async Task<IActionResult> OnPostCancelInterviewAsync(Guid id) =>
        await AfterAsync(await PostingsApi.CancelInterviewAsync(id), "interview.cancelled", LoadAsync, Here);

    public async Task<IActionResult> OnPostRequestContactAsync(Guid id) =>
        await AfterAsync(await PostingsApi.RequestContactAsync(id), "applicants.contactRequested", LoadAsync, Here);

    /// <summary>A date (yyyy-MM-dd) and a time (HH:mm) in Beijing; null when either is missing or not a date or time.</summary>
    public static DateTimeOffset? At(string? date, string? time) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? new DateTimeOffset(day.ToDateTime(clock), TimeSpan.FromHours(8))
            : null;

    /// <summary>An interview time as the form shows it again: Beijing date and time.</summary>
    public static (string Date, string Time) Local(InterviewResponse? interview)
    {
        if (interview is null) return ("", "");
        var local = TimeZoneInfo.ConvertTime(interview.At, Fmt.Beijing);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
