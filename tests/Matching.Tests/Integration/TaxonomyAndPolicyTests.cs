using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;
using Matching.Api.Policy;
using Matching.Api.Taxonomy;

namespace Matching.Tests.Integration;

public sealed class TaxonomyAndPolicyTests : MatchingHost
{
    [Fact]
    public async Task Suggestions_and_normalisation_answer_in_both_languages_and_bad_queries_get_field_errors()
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        var suggestions = (await client.GetFromJsonAsync<List<ConceptResponse>>(new Uri("/api/matches/taxonomy/suggest?q=叉车&kind=occupation", UriKind.Relative), Json))!;
        var normalized = (await client.GetFromJsonAsync<NormalizedText>(new Uri("/api/matches/taxonomy/normalize?text=JS", UriKind.Relative), Json))!;
        using var bad = await client.GetAsync(new Uri("/api/matches/taxonomy/suggest?kind=person", UriKind.Relative));

        Assert.Contains(suggestions, concept => concept.Label == "forklift operator");
        Assert.Contains(normalized.Concepts, concept => concept.Label.Contains("JavaScript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Staff_read_the_policy_in_force_with_how_often_each_rule_lifted_a_result_and_others_may_not()
    {
        var seekerId = Guid.NewGuid();
        await PublishedAsync(Job() with { KeyGroups = ["VeteranPriority"] });
        await ProfileAsync(Profile(seekerId) with { KeyGroups = ["veteran"] });

        using var staff = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        var policy = (await staff.GetFromJsonAsync<PolicyResponse>(new Uri("/api/matches/policy", UriKind.Relative), Json))!;
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var refused = await seeker.GetAsync(new Uri("/api/matches/policy", UriKind.Relative));

        Assert.Contains(policy.Rules, rule => rule.Name == "veteran-priority");
        Assert.Contains(policy.Uses, use => use is { Rule: "veteran-priority", Source: "announcement", Results: 1 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
