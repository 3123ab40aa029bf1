using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// One seeker of the register as a caseworker reads them: profile, key groups with their evidence (to verify them),
/// applications to postings of the caseworker's regions with their follow-up visits, and recommendations. Opening
/// the page is an audited read with the reason carried from the register.
/// </summary>
public sealed class SeekerModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public ApiResult? Profile { get; private set; }
    public ApiResult? Applications { get; private set; }
    public ApiResult? Recommendations { get; private set; }

    /// <summary>Each application's follow-up visits, by application id.</summary>
    public Dictionary<string, IReadOnlyList<JsonNode>> FollowUps { get; } = new(StringComparer.Ordinal);

    /// <summary>Follow-up outcomes as the API names them.</summary>
    public static readonly string[] Outcomes = ["hired", "stillSeeking", "leftJob"];

    public async Task OnGetAsync()
    {
        Profile = await Api.GetAsync($"api/profiles/{Id}?reveal=keyGroupEvidence&reason={Uri.EscapeDataString(Reason ?? "")}");
        if (!Profile.Ok)
        {
            Problem ??= Profile;
            return;
        }
        Applications = await Api.GetAsync($"api/applications?seekerId={Id}&reason={Uri.EscapeDataString(Reason ?? "")}");
        foreach (var application in Applications.Ok ? Applications.Array : [])
        {
            var id = application.Str("id");
            var visits = await Api.GetAsync($"api/applications/{id}/follow-ups");
            FollowUps[id] = visits.Ok ? visits.Array.OfType<JsonNode>().ToList() : [];
        }
        Recommendations = await Api.GetAsync($"api/matches/seekers/{Id}/recommendations?lang={(T.Lang == Language.English ? "en" : "zh")}&reason={Uri.EscapeDataString(Reason ?? "")}");
    }

    public async Task<IActionResult> OnPostVerifyAsync(string keyGroup) =>
        await AfterAsync(await Api.PostAsync($"api/profiles/{Id}/key-groups/{Uri.EscapeDataString(keyGroup)}/verification", new { reason = Reason }),
            "seeker.verified", OnGetAsync, new { id = Id, reason = Reason });

    /// <summary>The key group whose reject or correct form was refused, and which form ("reject", "correct").</summary>
    public string? RefusedKeyGroup { get; private set; }
    public string? RefusedAction { get; private set; }

    /// <summary>A caseworker finds a group false: the reason goes to the audit log and is what the seeker reads.</summary>
    public async Task<IActionResult> OnPostRejectAsync(string keyGroup, string? rejectReason)
    {
        (RefusedKeyGroup, RefusedAction) = (keyGroup, "reject");
        return await AfterAsync(await Api.PostAsync($"api/profiles/{Id}/key-groups/{Uri.EscapeDataString(keyGroup)}/rejection", new { reason = rejectReason }),
            "seeker.rejected", OnGetAsync, new { id = Id, reason = Reason });
    }

    /// <summary>A caseworker sets a group on their own evidence (it stands until a caseworker changes it again).</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string keyGroup, bool? applies, string? evidence, string? correctReason)
    {
        (RefusedKeyGroup, RefusedAction) = (keyGroup, "correct");
        return await AfterAsync(await Api.PutAsync($"api/profiles/{Id}/key-groups/{Uri.EscapeDataString(keyGroup)}",
                new { applies, evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence, reason = correctReason }),
            "seeker.corrected", OnGetAsync, new { id = Id, reason = Reason });
    }

    /// <summary>The application whose follow-up form was refused: its form shows the field messages.</summary>
    public Guid? RefusedApplication { get; private set; }

    /// <summary>
    /// Records a visit; one made on an earlier day (a placement found out later) carries that day, noon in Beijing, so
    /// the monitoring figures count it in its month. The API refuses a day in the future or before the application.
    /// </summary>
    public async Task<IActionResult> OnPostFollowUpAsync(Guid applicationId, string? outcome, int? daysInJob, string? note, DateOnly? nextContactOn, string? visitedOn)
    {
        RefusedApplication = applicationId;
        var (day, dayError) = TypedDates.Day(visitedOn);
        if (dayError)
        {
            Refuse("visitedAt", "input.date");
            return await RefusedAsync(OnGetAsync);
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Fmt.Beijing));
        DateTimeOffset? visitedAt = day is { } earlier && earlier != today ? new DateTimeOffset(earlier.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)) : null;
        return await AfterAsync(await Api.PostAsync($"api/applications/{applicationId}/follow-ups",
                new { outcome, daysInJob, note = string.IsNullOrWhiteSpace(note) ? null : note, nextContactOn, visitedAt = visitedAt?.UtcDateTime }),
            "seeker.followUpRecorded", OnGetAsync, new { id = Id, reason = Reason });
    }
}
