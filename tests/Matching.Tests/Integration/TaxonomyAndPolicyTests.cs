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
    public async Task The_national_classification_is_browsed_a_level_at_a_time_and_a_code_it_lacks_gets_a_field_error()
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        async Task<List<NationalOccupationResponse>> Under(string query) =>
            (await client.GetFromJsonAsync<List<NationalOccupationResponse>>(new Uri("/api/matches/taxonomy/national" + query, UriKind.Relative), Json))!;

        var major = await Under("");
        var middle = await Under("?parent=4");
        var minor = await Under("?parent=4-02");
        var occupations = await Under("?parent=" + Uri.EscapeDataString("４－０２－０２")); // full-width, as an input method types it
        using var unknown = await client.GetAsync(new Uri("/api/matches/taxonomy/national?parent=4-98", UriKind.Relative));
        using var leaf = await client.GetAsync(new Uri("/api/matches/taxonomy/national?parent=4-02-02-02", UriKind.Relative));

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], major.Select(o => o.Code));
        Assert.All(major, o => Assert.Equal("major-group", o.Level));
        Assert.Equal("社会生产服务和生活服务人员", major[3].Name);
        Assert.Contains(middle, o => o.Code == "4-02" && o.Name == "交通运输、仓储物流和邮政业服务人员" && o.Level == "middle-group");
        Assert.All(middle, o => Assert.Equal("4", o.ParentCode));
        Assert.Contains(minor, o => o.Code == "4-02-02");
        Assert.Contains(occupations, o => o.Code == "4-02-02-02" && o.Name == "道路货运汽车驾驶员" && o.NameEn.Length > 0);
        // The forms' preview: what a posting titled so, or a profile seeking so, is given when no 细类 is chosen.
        var byTitle = (await client.GetFromJsonAsync<NormalizedNationalText>(new Uri("/api/matches/taxonomy/normalize?kind=national&derive=title&text=" + Uri.EscapeDataString("货车司机 急招"), UriKind.Relative), Json))!;
        var bySought = (await client.GetFromJsonAsync<NormalizedNationalText>(new Uri("/api/matches/taxonomy/normalize?kind=national&derive=occupation&text=焊工", UriKind.Relative), Json))!;
        using var deriveSkill = await client.GetAsync(new Uri("/api/matches/taxonomy/normalize?kind=skill&derive=title&text=x", UriKind.Relative));
        Assert.Equal("4-02-02-02", Assert.Single(byTitle.Occupations).Code);
        Assert.Equal("6-18-02-04", Assert.Single(bySought.Occupations).Code);
        foreach (var refused in new[] { unknown, leaf, deriveSkill })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Json);
            Assert.Equal([refused == deriveSkill ? "derive" : "parent"], problem.GetProperty("errors").EnumerateObject().Select(field => field.Name));
        }
    }

    [Fact]
    public async Task National_occupations_are_suggested_by_name_code_and_English_with_their_ESCO_occupations()
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        var byName = (await client.GetFromJsonAsync<List<NationalOccupationResponse>>(new Uri("/api/matches/taxonomy/suggest?q=货运汽车&kind=national", UriKind.Relative), Json))!;
        var byCode = (await client.GetFromJsonAsync<List<NationalOccupationResponse>>(new Uri("/api/matches/taxonomy/suggest?q=4-02-02&kind=national&limit=3", UriKind.Relative), Json))!;
        var byEnglish = (await client.GetFromJsonAsync<List<NationalOccupationResponse>>(new Uri("/api/matches/taxonomy/suggest?q=lorry%20driver&kind=national", UriKind.Relative), Json))!;
        var inText = (await client.GetFromJsonAsync<NormalizedNationalText>(new Uri("/api/matches/taxonomy/normalize?text=急招货运司机3名&kind=national", UriKind.Relative), Json))!;
        var esco = (await client.GetFromJsonAsync<NormalizedText>(new Uri("/api/matches/taxonomy/normalize?text=道路货运汽车驾驶员&kind=occupation", UriKind.Relative), Json))!;

        var driver = byName[0];
        Assert.Equal("4-02-02-02", driver.Code);
        Assert.Equal(("occupation", "道路货运汽车驾驶员", "4-02-02", "8332"), (driver.Level, driver.Name, driver.ParentCode, driver.IscoGroup));
        Assert.True(driver.Green);
        Assert.NotEmpty(driver.EscoOccupations);
        Assert.All(driver.EscoOccupations, o => Assert.Contains("4-02-02-02", o.NationalCodes!));
        Assert.Equal(["4-02-02", "4-02-02-01", "4-02-02-02"], byCode.Select(o => o.Code));
        Assert.Equal("minor-group", byCode[0].Level);
        Assert.Equal("4-02-02-02", byEnglish[0].Code);
        Assert.Equal("4-02-02-02", Assert.Single(inText.Occupations).Code);
        Assert.Equal(driver.EscoOccupations[0].EscoUri, Assert.Single(esco.Concepts).EscoUri);
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
