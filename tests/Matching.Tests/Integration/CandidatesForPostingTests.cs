using System.Net;
using System.Net.Http.Json;
using JobMatch.Contracts;
using JobMatch.Testing;
using Matching.Api.Matches;

namespace Matching.Tests.Integration;

/// <summary>Seekers suited to a posting: its employer sees only those who consented to employer sharing; others' postings do not exist.</summary>
public sealed class CandidatesForPostingTests : MatchingHost
{
    private async Task<(HttpStatusCode Status, List<CandidateResponse> Items)> CandidatesAsync(Guid postingId, string token)
    {
        using var client = Factory.ClientWithToken(token);
        using var response = await client.GetAsync(new Uri($"/api/matches/postings/{postingId}/candidates?reason={StaffReason}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await response.Content.ReadFromJsonAsync<List<CandidateResponse>>(Json))!)
            : (response.StatusCode, []);
    }

    [Fact]
    public async Task The_employer_sees_only_seekers_who_share_their_profile_with_employers_and_the_caseworker_sees_all_they_serve()
    {
        var job = Job();
        var sharing = Guid.NewGuid();
        var notSharing = Guid.NewGuid();
        await PublishedAsync(job);
        await ProfileAsync(Profile(sharing) with { SharedWithEmployers = true });
        await ProfileAsync(Profile(notSharing) with { SharedWithEmployers = false });

        var (status, employerView) = await CandidatesAsync(job.PostingId, TestTokens.Employer(Guid.NewGuid(), job.EmployerId));
        var (_, caseworkerView) = await CandidatesAsync(job.PostingId, TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([sharing], employerView.Select(candidate => candidate.SeekerId));
        Assert.NotEmpty(employerView[0].Explanation.MatchedSkills);
        Assert.Equal(new[] { notSharing, sharing }.Order(), caseworkerView.Select(candidate => candidate.SeekerId).Order());
    }

    [Fact]
    public async Task Another_employer_a_caseworker_elsewhere_and_a_seeker_are_refused()
    {
        var job = Job();
        await PublishedAsync(job);

        Assert.Equal(HttpStatusCode.NotFound, (await CandidatesAsync(job.PostingId, TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await CandidatesAsync(job.PostingId, TestTokens.Caseworker(Guid.NewGuid(), "150200"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CandidatesAsync(job.PostingId, TestTokens.Seeker(Guid.NewGuid()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await CandidatesAsync(Guid.NewGuid(), TestTokens.Administrator(Guid.NewGuid()))).Status);
    }

    [Fact]
    public async Task Withdrawing_employer_sharing_hides_the_seeker_from_the_employer_at_once()
    {
        var job = Job();
        var seekerId = Guid.NewGuid();
        await PublishedAsync(job);
        await ProfileAsync(Profile(seekerId) with { SharedWithEmployers = true });
        var employer = TestTokens.Employer(Guid.NewGuid(), job.EmployerId);
        Assert.Single((await CandidatesAsync(job.PostingId, employer)).Items);

        await ConsumedAsync(new SeekerConsentChanged(seekerId, "employer-sharing", false, DateTimeOffset.UtcNow), "SeekerConsentChangedConsumer");

        Assert.Empty((await CandidatesAsync(job.PostingId, employer)).Items);
    }
    [Fact]
    public async Task The_employer_learns_where_a_candidate_lives_only_to_a_cell_with_distances_in_bands()
    {
        // Security finding 3: exact distances from three postings of the employer's choosing located a home to ~25 m.
        // Two seekers about 6 km apart in the same 0.1° cell look alike to the employer; the caseworker sees each.
        var job = Job();
        var north = Guid.NewGuid();
        var south = Guid.NewGuid();
        await PublishedAsync(job);
        await ProfileAsync(Profile(north) with { SharedWithEmployers = true, Latitude = 40.871, Longitude = 111.783 });
        await ProfileAsync(Profile(south) with { SharedWithEmployers = true, Latitude = 40.812, Longitude = 111.721 });

        var (_, employerView) = await CandidatesAsync(job.PostingId, TestTokens.Employer(Guid.NewGuid(), job.EmployerId));
        var (_, caseworkerView) = await CandidatesAsync(job.PostingId, TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var seen = employerView.ToDictionary(candidate => candidate.SeekerId, candidate => candidate.Explanation);
        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[north].DistanceKm, seen[south].DistanceKm);
        Assert.Equal(seen[north].LocationScore, seen[south].LocationScore);
        Assert.Equal(0, seen[north].DistanceKm!.Value % Matching.Api.Candidates.CoarseLocation.BandKm);
        Assert.Contains(seen[north].Reasons, reason => reason.EndsWith("公里以内", StringComparison.Ordinal));

        var exact = caseworkerView.ToDictionary(candidate => candidate.SeekerId, candidate => candidate.Explanation.DistanceKm);
        Assert.NotEqual(exact[north], exact[south]);
        Assert.All(exact.Values, km => Assert.True(km < seen[north].DistanceKm, $"{km} km is inside the employer's band"));
    }
}
