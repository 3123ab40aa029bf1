using System.Globalization;
using System.Text.Json.Nodes;
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
    public static readonly string[] Moves = ["viewed", "interview", "offer", "hired", "rejected"];

    /// <summary>Applicants a page; their cards come in one call (the profile service reads up to 50 at a time).</summary>
    public const int PageSize = 20;

    /// <summary>The statuses the filter links offer, in the order an application moves.</summary>
    public static readonly string[] Statuses = ["submitted", "viewed", "interview", "offer", "hired", "rejected", "withdrawn"];

    [BindProperty(SupportsGet = true)] public Guid PostingId { get; set; }

    /// <summary>The status shown (null: all); named "show" so it never meets the move form's "status".</summary>
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }

    /// <summary>The page shown; "p", because "page" is the route value Razor Pages names a page by.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public JsonNode? Posting { get; private set; }
    public ApiResult? Applicants { get; private set; }
    public IReadOnlyDictionary<string, JsonNode> ApplicantCards { get; private set; } = new Dictionary<string, JsonNode>();

    /// <summary>The interview form as typed, kept when the API refused it (by application id).</summary>
    public InterviewForm? Typed { get; private set; }

    public sealed record InterviewForm(string ApplicationId, string? Date, string? Time, string? Place, string? ContactName, string? ContactPhone);

    public IReadOnlyList<JsonNode> Items => Applicants is { Ok: true } ? Applicants.Body.Items("items").ToList() : [];

    /// <summary>Applicants at the status shown (all of them without a filter).</summary>
    public int Total => (int)(Applicants?.Body.Num("total") ?? 0);

    public int PageCount => (Total + PageSize - 1) / PageSize;

    /// <summary>How many applications are at a status (null: all), whatever the filter.</summary>
    public int CountOf(string? status) => (int)(Applicants?.Body?["totals"].Num(status ?? "all") ?? 0);

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
        var posting = await Api.GetAsync($"api/postings/{PostingId}");
        Posting = posting.Ok ? posting.Body : null;
        var show = Show is null ? "" : $"&status={Uri.EscapeDataString(Show)}";
        Applicants = await Api.GetAsync($"api/postings/{PostingId}/applications?limit={PageSize}&page={Math.Max(PageNumber, 1)}{show}");
        if (!Applicants.Ok) return;
        ApplicantCards = await CardsAsync(Items.Select(a => a.Str("id")).ToList());
    }

    /// <summary>
    /// The page's cards in one call (not one call per applicant); a card the profile service does not have yet (the
    /// application's event in flight) or may not show is missing, and the page shows it masked.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, JsonNode>> CardsAsync(IReadOnlyList<string> applicationIds)
    {
        if (applicationIds.Count == 0) return new Dictionary<string, JsonNode>();
        var cards = await Api.PostAsync("api/profiles/applicants/cards", new { postingId = PostingId, applicationIds });
        return cards.Ok
            ? cards.Array.Where(card => card is not null).ToDictionary(card => card.Str("applicationId"), card => card!, StringComparer.Ordinal)
            : new Dictionary<string, JsonNode>();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? status, string? reason) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/status", new { status, reason = string.IsNullOrWhiteSpace(reason) ? null : reason }),
            "applicants.moved", LoadAsync, Here);

    /// <summary>Schedules or moves the interview: the date and time are Beijing time as the employer typed them.</summary>
    public async Task<IActionResult> OnPostInterviewAsync(Guid id, string? date, string? time, string? place, string? contactName, string? contactPhone)
    {
        Typed = new InterviewForm(id.ToString(), date, time, place, contactName, contactPhone);
        var at = At(date, time);
        if (at is null)
        {
            Refuse("at", "interview.when");
            return await RefusedAsync(LoadAsync);
        }
        var result = await Api.PutAsync($"api/applications/{id}/interview", new { at, place, contactName, contactPhone });
        return await AfterAsync(result, "interview.scheduled", LoadAsync, Here);
    }

    public async Task<IActionResult> OnPostCancelInterviewAsync(Guid id) =>
        await AfterAsync(await Api.DeleteAsync($"api/applications/{id}/interview"), "interview.cancelled", LoadAsync, Here);

    public async Task<IActionResult> OnPostRequestContactAsync(Guid id) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/contact-request"), "applicants.contactRequested", LoadAsync, Here);

    /// <summary>A date (yyyy-MM-dd) and a time (HH:mm) in Beijing; null when either is missing or not a date or time.</summary>
    public static DateTimeOffset? At(string? date, string? time) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? new DateTimeOffset(day.ToDateTime(clock), TimeSpan.FromHours(8))
            : null;

    /// <summary>An interview time as the form shows it again: Beijing date and time.</summary>
    public static (string Date, string Time) Local(JsonNode? interview)
    {
        if (interview.Utc("at") is not { } at) return ("", "");
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, Fmt.Beijing);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
