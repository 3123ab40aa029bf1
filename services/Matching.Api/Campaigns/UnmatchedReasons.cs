using Matching.Api.Candidates;

namespace Matching.Api.Campaigns;

/// <summary>
/// Why a campaign found an eligible seeker no match, in the words a caseworker acts on: a profile too thin to match
/// (help them add skills or the work they want: only the popular postings nearby could be shown, and a campaign does not
/// send those); nothing open within their reach that their profile matches (widen the commute, or wait); or matches
/// within reach but none in the campaign's occupations.
/// </summary>
public static class UnmatchedReasons
{
    public const string NoPostingWithinReach = "noPostingWithinReach";
    public const string ProfileTooThin = "profileTooThin";
    public const string NoPostingInOccupations = "noPostingInOccupations";

    /// <param name="targeted">How many matches the seeker's list held — the labelled fallback left out — before the
    /// campaign's occupations narrowed it.</param>
    public static string Of(IndexedSeeker seeker, int targeted) =>
        !seeker.HasProfileText ? ProfileTooThin : targeted == 0 ? NoPostingWithinReach : NoPostingInOccupations;
}
