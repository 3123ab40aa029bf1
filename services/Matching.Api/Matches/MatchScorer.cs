using Matching.Api.ReadModel;
using JobMatch.ServiceDefaults.Skills;

namespace Matching.Api.Matches;

/// <summary>
/// The first, transparent scoring: how much of the posting's skills the seeker has, and how near the job is.
/// Nothing about the person beyond skills and location enters it. The learned ranker replaces the weights,
/// not the explanation.
/// </summary>
public static class MatchScorer
{
    public const double SkillWeight = 0.7;
    public const double LocationWeight = 0.3;
    public const int DefaultCommuteKm = 50;

    /// <summary>Scores a posting for a seeker, or null when it is no match: no shared skill, or beyond the commute limit.</summary>
    public static Match? Score(SeekerSnapshot seeker, PostingSnapshot posting)
    {
        var seekerKeys = seeker.SkillKeys.ToHashSet(StringComparer.Ordinal);
        var matched = new List<string>();
        var missing = new List<string>();
        foreach (var key in posting.SkillKeys)
        {
            // Keys drop blanks and spellings of one skill, so they do not line up with Skills by index: label by key.
            var label = posting.Skills.FirstOrDefault(skill => SkillKey.Normalize(skill) == key) ?? key;
            (seekerKeys.Contains(key) ? matched : missing).Add(label);
        }
        if (matched.Count == 0) return null;
        var skillScore = (double)matched.Count / posting.SkillKeys.Length;

        var commuteKm = seeker.MaxCommuteKm ?? DefaultCommuteKm;
        double? distanceKm = null;
        double locationScore;
        string basis;
        if (seeker is { Latitude: { } seekerLat, Longitude: { } seekerLon } && posting is { Latitude: { } postingLat, Longitude: { } postingLon })
        {
            distanceKm = Math.Round(Geo.DistanceKm(seekerLat, seekerLon, postingLat, postingLon), 1);
            if (distanceKm > commuteKm && !seeker.WillingToRelocate) return null;
            locationScore = distanceKm <= commuteKm ? 1 - distanceKm.Value / commuteKm : 0;
            basis = distanceKm <= commuteKm ? "within-commute" : "relocation";
        }
        else
        {
            // Without coordinates, division codes say how close: same banner/county, same league/city, or farther.
            (locationScore, basis) = posting.RegionCode == seeker.RegionCode ? (0.8, "same-county")
                : posting.RegionCode[..4] == seeker.RegionCode[..4] ? (0.5, "same-city")
                : (seeker.WillingToRelocate ? 0.2 : 0.1, "other-city");
        }

        var score = Math.Round(SkillWeight * skillScore + LocationWeight * locationScore, 4);
        return new Match(posting, score, new MatchExplanation(matched, missing, Math.Round(skillScore, 4), distanceKm, Math.Round(locationScore, 4), basis));
    }

    /// <summary>Best first; ties go to the newer posting.</summary>
    public static IReadOnlyList<Match> Rank(SeekerSnapshot seeker, IEnumerable<PostingSnapshot> candidates, int limit) =>
        candidates.Select(posting => Score(seeker, posting)).OfType<Match>()
            .OrderByDescending(match => match.Score).ThenByDescending(match => match.Posting.PublishedAt)
            .Take(limit).ToList();
}
