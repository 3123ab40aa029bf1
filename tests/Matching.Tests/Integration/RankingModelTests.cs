using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using Matching.Api.Ranking;

namespace Matching.Tests.Integration;

/// <summary>The cold-start model is trained, stored, promoted and serves; retraining keeps it until outcomes beat it.</summary>
public sealed class RankingModelTests : MatchingHost
{
    private static readonly string Administrator = TestTokens.Administrator(Guid.NewGuid());

    private async Task<ModelsResponse> ModelsAsync()
    {
        using var client = Factory.ClientWithToken(Administrator);
        return (await client.GetFromJsonAsync<ModelsResponse>(new Uri("/api/matches/models", UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task A_new_installation_trains_and_promotes_the_cold_start_model_and_recommendations_name_it()
    {
        var models = await Eventually.GetAsync(ModelsAsync, answer => answer.Serving != "none", "a model serving");

        var promoted = Assert.Single(models.Models, model => model.PromotedAt is not null && model.RetiredAt is null);
        Assert.Equal(models.Serving, promoted.Version);
        Assert.Equal("bootstrap", promoted.TrainedOn);
        Assert.True(promoted.Metrics.GetProperty("ndcgAt10").GetDouble() > 0.5, promoted.Metrics.ToString());

        var seekerId = Guid.NewGuid();
        await PublishedAsync(Job());
        await ProfileAsync(Profile(seekerId));
        var recommendation = Assert.Single(await SeekersRecommendationsAsync(seekerId));
        Assert.Equal(promoted.Version, recommendation.Explanation.ModelVersion);
        Assert.InRange(recommendation.Explanation.ModelScore, 0.0001, 0.9999);
    }

    [Fact]
    public async Task Retraining_without_enough_outcomes_keeps_the_serving_model_and_only_administrators_may_ask()
    {
        var serving = (await Eventually.GetAsync(ModelsAsync, answer => answer.Serving != "none", "a model serving")).Serving;
        var seekerId = Guid.NewGuid();
        var job = Job();
        await PublishedAsync(job);
        await ProfileAsync(Profile(seekerId));
        await ConsumedAsync(new ApplicationSubmitted(Guid.NewGuid(), job.PostingId, seekerId, DateTimeOffset.UtcNow), "ApplicationSubmittedConsumer");

        using var admin = Factory.ClientWithToken(Administrator);
        using var response = await admin.PostAsync(new Uri("/api/matches/models/retrain", UriKind.Relative), null);
        var outcome = (await response.Content.ReadFromJsonAsync<RetrainOutcome>(Json))!;

        Assert.StartsWith("not enough outcomes: 1 of", outcome.Decision, StringComparison.Ordinal);
        Assert.Equal(serving, (await ModelsAsync()).Serving);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var refused = await caseworker.PostAsync(new Uri("/api/matches/models/retrain", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Retraining_on_outcomes_stores_a_model_and_promotes_it_only_if_it_beats_the_serving_one()
    {
        var serving = (await Eventually.GetAsync(ModelsAsync, answer => answer.Serving != "none", "a model serving")).Serving;
        // 60 seekers; each applied to (and was hired at) the farther of two welding jobs: a preference the cold-start model
        // does not know. Written straight into the read model; the change feed brings them into the index.
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                CREATE TEMP TABLE trio AS SELECT gen_random_uuid() AS seeker, gen_random_uuid() AS near, gen_random_uuid() AS far, i FROM generate_series(1, 60) i;
                INSERT INTO postings (posting_id, employer_id, title, skills, skill_keys, region_code, latitude, longitude, published_at)
                SELECT near, gen_random_uuid(), 'near ' || i, '{Welding}'::text[], '{welding}'::text[], '150102', 40.84, 111.75, now() FROM trio
                UNION ALL SELECT far, gen_random_uuid(), 'far ' || i, '{Welding}'::text[], '{welding}'::text[], '150102', 41.14, 111.75, now() FROM trio;
                INSERT INTO seekers (seeker_id, skills, skill_keys, region_code, latitude, longitude, willing_to_relocate, updated_at)
                SELECT seeker, '{Welding}', '{welding}', '150102', 40.84, 111.75, false, now() FROM trio;
                INSERT INTO interactions (seeker_id, posting_id, grade, kind, occurred_at)
                SELECT seeker, far, 4, 'hired', now() + i * interval '1 minute' FROM trio;
                """);
        }

        using var admin = Factory.ClientWithToken(Administrator);
        using var response = await admin.PostAsync(new Uri("/api/matches/models/retrain", UriKind.Relative), null);
        var outcome = (await response.Content.ReadFromJsonAsync<RetrainOutcome>(Json))!;
        var models = await ModelsAsync();

        Assert.NotNull(outcome.CandidateVersion);
        Assert.Contains(models.Models, model => model.Version == outcome.CandidateVersion && model.TrainedOn == "outcomes");
        if (outcome.Decision == "promoted")
        {
            Assert.True(outcome.CandidateNdcg > outcome.CurrentNdcg);
            Assert.Equal(outcome.CandidateVersion, models.Serving);
        }
        else
        {
            Assert.Equal(serving, models.Serving);
        }
        Assert.Single(models.Models, model => model.PromotedAt is not null && model.RetiredAt is null);
    }
}
