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
        using var response = await client.GetAsync(new Uri($"/api/matches/postings/{postingId}/candidates", UriKind.Relative));
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
}
