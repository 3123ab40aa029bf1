using Matching.Api.Candidates;

namespace Matching.Api.Campaigns;

/// <summary>
/// Why a campaign found an eligible seeker no match, in the words a caseworker acts on: nothing open within their
/// reach (widen the commute, or wait); a profile too thin to match (help them add skills or the work they want: the
/// postings shown instead, the popular ones nearby, held none of the campaign's occupations); or postings within reach
/// but none in the campaign's occupations.
/// </summary>
public static class UnmatchedReasons
{
    public const string NoPostingWithinReach = "noPostingWithinReach";
    public const string ProfileTooThin = "profileTooThin";
    public const string NoPostingInOccupations = "noPostingInOccupations";

    /// <param name="recommended">How many postings the seeker's list held before the campaign's occupations narrowed it.</param>
    public static string Of(IndexedSeeker seeker, int recommended) =>
        recommended == 0 ? NoPostingWithinReach : !seeker.HasProfileText ? ProfileTooThin : NoPostingInOccupations;
}
