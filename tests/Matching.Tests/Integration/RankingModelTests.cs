using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using JobMatch.Testing.Logs;
using Matching.Api.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Matching.Tests.Integration;

/// <summary>
/// The cold-start model is trained, put to the promotion rule, stored and serves; retraining keeps it until outcomes
/// beat it; a stored XGBoost model is retired and retrained; a model that fails to load leaves the previous one serving.
/// </summary>
public sealed class RankingModelTests : MatchingHost
{
    private static readonly string Administrator = TestTokens.Administrator(Guid.NewGuid());

    private async Task<ModelsResponse> ModelsAsync()
    {
        using var client = Factory.ClientWithToken(Administrator);
        return (await client.GetFromJsonAsync<ModelsResponse>(new Uri("/api/matches/models", UriKind.Relative), Json))!;
    }

    private Task<ModelsResponse> ServingAsync() =>
        Eventually.GetAsync(ModelsAsync, answer => answer.Serving != MatchRanker.TransparentVersion, "a model serving");

    [Fact]
    public async Task A_new_installation_trains_and_promotes_the_cold_start_model_and_recommendations_name_it()
    {
        var models = await ServingAsync();

        var promoted = Assert.Single(models.Models, model => model.PromotedAt is not null && model.RetiredAt is null);
        Assert.Equal(models.Serving, promoted.Version);
        Assert.Equal(("bootstrap", ModelStore.CurrentFormat), (promoted.TrainedOn, promoted.Format));
        Assert.True(promoted.Metrics.GetProperty("ndcgAt10").GetDouble() > 0.5, promoted.Metrics.ToString());
        Assert.StartsWith("promoted: beats the transparent fit", promoted.Metrics.GetProperty("decision").GetString(), StringComparison.Ordinal);
        Assert.Equal(promoted.Metrics.GetProperty("decision").GetString(), models.Reason);
        Assert.Null(models.LoadFailure);

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
        var serving = (await ServingAsync()).Serving;
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
        var serving = (await ServingAsync()).Serving;
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
        if (outcome.Decision.StartsWith("promoted", StringComparison.Ordinal))
        {
            Assert.True(outcome.CandidateNdcg > outcome.CurrentNdcg);
            Assert.True(outcome.CandidateNdcg > outcome.FitNdcg);
            Assert.Equal(outcome.CandidateVersion, models.Serving);
        }
        else
        {
            Assert.StartsWith("not promoted", outcome.Decision, StringComparison.Ordinal);
            Assert.Contains(models.Serving, new[] { serving, MatchRanker.TransparentVersion });
        }
        Assert.True(models.Models.Count(model => model.PromotedAt is not null && model.RetiredAt is null) <= 1);
    }

    [Fact]
    public async Task A_stored_xgboost_model_is_retired_never_read_and_the_cold_start_model_is_retrained()
    {
        await ServingAsync();
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            // What an installation upgraded from the XGBoost ranker holds: one promoted universal-binary-JSON model.
            await connection.ExecuteAsync(
                """
                DELETE FROM ranking_models;
                INSERT INTO ranking_models (version, trained_on, format, model, features, metrics, promoted_at)
                VALUES ('bootstrap-xgboost', 'bootstrap', 'xgboost-ubj', '\x7b4c00'::bytea, @features, '{}', now());
                """, new { features = RankingFeatures.Names.ToArray() });
        }

        await Factory.Services.GetRequiredService<ModelLifecycle>().EnsureServingAsync(CancellationToken.None);
        var models = await ModelsAsync();

        var xgboost = Assert.Single(models.Models, model => model.Version == "bootstrap-xgboost");
        Assert.NotNull(xgboost.RetiredAt);
        var retrained = Assert.Single(models.Models, model => model.PromotedAt is not null && model.RetiredAt is null);
        Assert.Equal((ModelStore.CurrentFormat, "bootstrap"), (retrained.Format, retrained.TrainedOn));
        Assert.Equal(retrained.Version, models.Serving);
    }

    [Fact]
    public async Task A_promoted_model_that_fails_to_load_leaves_the_previous_one_serving_and_health_and_logs_say_so()
    {
        var serving = (await ServingAsync()).Serving;
        var started = DateTime.UtcNow;
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE ranking_models SET retired_at = now() WHERE promoted_at IS NOT NULL AND retired_at IS NULL;
                INSERT INTO ranking_models (version, trained_on, format, model, features, metrics, promoted_at)
                VALUES ('outcomes-broken', 'outcomes', @format, '\x504b0304deadbeef'::bytea, @features, '{}', now());
                """, new { format = ModelStore.CurrentFormat, features = RankingFeatures.Names.ToArray() });
        }

        await Factory.Services.GetRequiredService<ModelLifecycle>().EnsureServingAsync(CancellationToken.None);
        var models = await ModelsAsync();
        using var client = Factory.CreateClient();
        using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());

        Assert.Equal(serving, models.Serving);
        Assert.StartsWith("model outcomes-broken failed to load", models.LoadFailure, StringComparison.Ordinal);
        Assert.Contains($"still serving {serving}", models.LoadFailure, StringComparison.Ordinal);
        var check = report.RootElement.GetProperty("checks").GetProperty("ranking-model");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Contains("outcomes-broken failed to load", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        // The service's own log, at error level (FAIL), written by the host this test started.
        Assert.Contains($"FAIL Matching.Api.Ranking.ModelLifecycle: Promoted ranking model outcomes-broken failed to load; still serving {serving}",
            TestLogs.TailsOf([TestLogs.Owner], started, linesPerFile: 100_000), StringComparison.Ordinal);
    }
}
