using System.Buffers.Binary;
using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Npgsql;

using Matching.Api.Ranking;

namespace Matching.Api.Campaigns;

/// <summary>
/// Runs a campaign's work items: the seekers of the key group in the campaign's regions, split into slices by a hash
/// of their id, each slice matched against every open posting (optionally only the campaign's occupations) and its
/// best <see cref="ResultsPerSeeker"/> stored for the caseworker to review; a seeker with none is stored with the reason
/// (<see cref="UnmatchedReasons"/>), for the caseworker to call.
/// </summary>
public sealed class CampaignRunner(CandidateIndex index, IndexSynchronizer synchronizer, Recommender recommender, ConceptVocabulary vocabulary)
{
    public const int SeekersPerItem = 500;
    public const int ResultsPerSeeker = 5;

    public List<IndexedSeeker> Eligible(string keyGroup, IReadOnlyList<string> regionCodes) =>
        index.Seekers(seeker => seeker.IsIn(keyGroup) && regionCodes.Any(region => RegionCodes.Covers(region, seeker.Snapshot.RegionCode)));

    /// <summary>The eligible seekers, without those in a job when the campaign is for the unplaced.</summary>
    public async Task<List<IndexedSeeker>> EligibleAsync(string keyGroup, IReadOnlyList<string> regionCodes, bool unplacedOnly,
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var eligible = Eligible(keyGroup, regionCodes);
        if (!unplacedOnly) return eligible;
        var placed = await CampaignStore.PlacedAsync(connection, transaction, [.. eligible.Select(seeker => seeker.SeekerId)], cancellationToken);
        return eligible.Where(seeker => !placed.Contains(seeker.SeekerId)).ToList();
    }

    public static int ItemsFor(int seekers) => Math.Max(1, (seekers + SeekersPerItem - 1) / SeekersPerItem);

    public static int SliceOf(Guid seekerId, int items)
    {
        Span<byte> bytes = stackalloc byte[16];
        seekerId.TryWriteBytes(bytes);
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(bytes) % (uint)items);
    }

    public async Task RunAsync(ServiceTransaction transaction, RunCampaignSlice work)
    {
        var campaign = await CampaignStore.FindAsync(transaction.Connection, transaction.Transaction, work.CampaignId, transaction.CancellationToken);
        if (campaign is null || !await CampaignStore.ClaimItemAsync(transaction, work.CampaignId, work.Item)) return;
        await synchronizer.FreshAsync(transaction.CancellationToken);
        var occupations = vocabulary.Occupations(campaign.Occupations);
        var matches = new List<Match>();
        var unmatched = new List<(Guid SeekerId, string Reason)>();
        var eligible = await EligibleAsync(campaign.KeyGroup, campaign.RegionCodes, campaign.UnplacedOnly, transaction.Connection, transaction.Transaction,
            transaction.CancellationToken);
        foreach (var seeker in eligible.Where(seeker => SliceOf(seeker.SeekerId, work.Items) == work.Item))
        {
            // The labelled fallback (popular postings nearby, for a list on screen) is not a targeted match: a campaign sends
            // its results, as an announcement would, so a seeker with only that is listed as unmatched.
            var targeted = recommender.Recommend(seeker, occupations.Length == 0 ? ResultsPerSeeker : 4 * ResultsPerSeeker)
                .Where(match => match.Explanation.FoundBy != CandidatePaths.PopularNearby).ToList();
            var found = occupations.Length == 0
                ? targeted
                : targeted.Where(match => match.Posting.Occupations.Any(o => occupations.Any(c => vocabulary.Taxonomy.OccupationSimilarity(o, c) >= 0.8)))
                    .Take(ResultsPerSeeker).ToList();
            if (found.Count == 0) unmatched.Add((seeker.SeekerId, UnmatchedReasons.Of(seeker, targeted.Count)));
            matches.AddRange(found);
        }
        await CampaignStore.SaveResultsAsync(transaction, work.CampaignId, matches, unmatched);
    }
}
