using JobMatch.Contracts.Responses.Matching;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;
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

    public ApiResult<StaffProfileResponse>? Profile { get; private set; }
    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];
    public IReadOnlyList<RecommendationResponse> Recommendations { get; private set; } = [];

    /// <summary>Each application's follow-up visits, by application id.</summary>
    public Dictionary<Guid, IReadOnlyList<FollowUpResponse>> FollowUps { get; } = [];

    /// <summary>The outcomes a follow-up visit may record.</summary>
    public static readonly FollowUpOutcome[] Outcomes = Enum.GetValues<FollowUpOutcome>();

    public async Task OnGetAsync()
    {
        Profile = await ProfilesApi.SeekerAsync(Id, Reason, reveal: "keyGroupEvidence");
        if (!Profile.Ok)
        {
            Problem ??= Profile;
            return;
        }
        Applications = (await PostingsApi.SeekersApplicationsAsync(Id, Reason)).Value ?? [];
        foreach (var application in Applications)
            FollowUps[application.Id] = (await PostingsApi.FollowUpsAsync(application.Id)).Value ?? [];
        Recommendations = (await MatchingApi.RecommendationsForStaffAsync(Id, T.Lang, Reason)).Value ?? [];
    }

    public async Task<IActionResult> OnPostVerifyAsync(string keyGroup) =>
        await AfterAsync(await ProfilesApi.VerifyKeyGroupAsync(Id, keyGroup, Reason),
            "seeker.verified", OnGetAsync, new { id = Id, reason = Reason });

    /// <summary>The key group whose reject or correct form was refused, and which form ("reject", "correct").</summary>
    public string? RefusedKeyGroup { get; private set; }
    public string? RefusedAction { get; private set; }

    /// <summary>A caseworker finds a group false: the reason goes to the audit log and is what the seeker reads.</summary>
    public async Task<IActionResult> OnPostRejectAsync(string keyGroup, string? rejectReason)
    {
        (RefusedKeyGroup, RefusedAction) = (keyGroup, "reject");
        return await AfterAsync(await ProfilesApi.RejectKeyGroupAsync(Id, keyGroup, rejectReason),
            "seeker.rejected", OnGetAsync, new { id = Id, reason = Reason });
    }

    /// <summary>A caseworker sets a group on their own evidence (it stands until a caseworker changes it again).</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string keyGroup, bool? applies, string? evidence, string? correctReason)
    {
        (RefusedKeyGroup, RefusedAction) = (keyGroup, "correct");
        return await AfterAsync(await ProfilesApi.CorrectKeyGroupAsync(Id, keyGroup, applies, evidence, correctReason),
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
        return await AfterAsync(await PostingsApi.RecordFollowUpAsync(applicationId,
                new { outcome, daysInJob, note = string.IsNullOrWhiteSpace(note) ? null : note, nextContactOn, visitedAt = visitedAt?.UtcDateTime }),
            "seeker.followUpRecorded", OnGetAsync, new { id = Id, reason = Reason });
    }
}
