using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// A posting's applicants as people: each one's card from the profile service under the seeker's consent (name,
/// phone and profile; the contact alone after an accepted request; masked otherwise, with "request contact"), the
/// interview (schedule, move, cancel; the seeker's answer and note), and the step forward or the rejection.
/// </summary>
public sealed class ApplicantsModel : PortalPage
{
    public static readonly string[] Moves = ["viewed", "interview", "offer", "hired", "rejected"];

    /// <summary>Cards are read this many at a time, in one call each (the profile service's batch limit).</summary>
    public const int CardsPerCall = 50;

    [BindProperty(SupportsGet = true)] public Guid PostingId { get; set; }

    public JsonNode? Posting { get; private set; }
    public ApiResult? Applicants { get; private set; }
    public IReadOnlyDictionary<string, JsonNode> ApplicantCards { get; private set; } = new Dictionary<string, JsonNode>();

    /// <summary>The interview form as typed, kept when the API refused it (by application id).</summary>
    public InterviewForm? Typed { get; private set; }

    public sealed record InterviewForm(string ApplicationId, string? Date, string? Time, string? Place, string? ContactName, string? ContactPhone);

    /// <summary>Another organisation's posting (its applications 403 or 404 to this caller) is not found here either.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Applicants is { Status: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound } ? NotFound() : Page();
    }

    private async Task LoadAsync()
    {
        var posting = await Api.GetAsync($"api/postings/{PostingId}");
        Posting = posting.Ok ? posting.Body : null;
        Applicants = await Api.GetAsync($"api/postings/{PostingId}/applications");
        if (!Applicants.Ok) return;
        ApplicantCards = await CardsAsync(Applicants.Array.Select(a => a.Str("id")).ToList());
    }

    /// <summary>
    /// The applicants' cards, a page of 50 per call (not one call per applicant); a card the profile service does not
    /// have yet (the application's event in flight) or may not show is missing, and the page shows it masked.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, JsonNode>> CardsAsync(IReadOnlyList<string> applicationIds)
    {
        var pages = await Task.WhenAll(applicationIds.Chunk(CardsPerCall)
            .Select(page => Api.PostAsync("api/profiles/applicants/cards", new { postingId = PostingId, applicationIds = page })));
        return pages.Where(page => page.Ok).SelectMany(page => page.Array).Where(card => card is not null)
            .ToDictionary(card => card.Str("applicationId"), card => card!, StringComparer.Ordinal);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? status, string? reason) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/status", new { status, reason = string.IsNullOrWhiteSpace(reason) ? null : reason }),
            "applicants.moved", LoadAsync, new { postingId = PostingId });

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
        return await AfterAsync(result, "interview.scheduled", LoadAsync, new { postingId = PostingId });
    }

    public async Task<IActionResult> OnPostCancelInterviewAsync(Guid id) =>
        await AfterAsync(await Api.DeleteAsync($"api/applications/{id}/interview"), "interview.cancelled", LoadAsync, new { postingId = PostingId });

    public async Task<IActionResult> OnPostRequestContactAsync(Guid id) =>
        await AfterAsync(await Api.PostAsync($"api/applications/{id}/contact-request"), "applicants.contactRequested", LoadAsync, new { postingId = PostingId });

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
