namespace Notifications.Api.Notifications;

public static class NotificationKind
{
    /// <summary>Matching found postings for the seeker (MatchesFound).</summary>
    public const string NewMatches = "new-matches";

    /// <summary>An employer moved the seeker's application on (ApplicationStatusChanged).</summary>
    public const string ApplicationStatus = "application-status";

    /// <summary>Screening or review decided about an employer's posting, or it expired (PostingStatusChanged).</summary>
    public const string PostingStatus = "posting-status";

    /// <summary>A caseworker's campaign recommends postings to the seeker (MatchesFound with a CampaignId).</summary>
    public const string Campaign = "campaign";

    /// <summary>A newly published posting matches a search the seeker saved (SavedSearchMatched).</summary>
    public const string SavedSearch = "saved-search";

    /// <summary>An employer's posting expires in a few days (PostingExpiring).</summary>
    public const string PostingExpiring = "posting-expiring";

    /// <summary>An employer invited the seeker to an interview, moved it or cancelled it (InterviewScheduled, InterviewCancelled).</summary>
    public const string Interview = "interview";

    /// <summary>The seeker accepted or declined an employer's interview (InterviewAnswered).</summary>
    public const string InterviewAnswer = "interview-answer";

    /// <summary>An employer asks the seeker for their contact (ContactRequested).</summary>
    public const string ContactRequest = "contact-request";

    /// <summary>Every kind a person can choose channels (and the daily digest) for.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        NewMatches, ApplicationStatus, PostingStatus, Campaign, SavedSearch, PostingExpiring, Interview, InterviewAnswer, ContactRequest,
    };
}
