using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;

namespace Profiles.Tests.Integration;

/// <summary>Key groups derived with evidence, announced as flags only, and verified or corrected by caseworkers of the region.</summary>
public sealed class KeyGroupsTests : ProfilesHost
{
    private static readonly string LeftSchool = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Graduate()
    {
        var profile = Profile(TestIds.Make("150102", new DateOnly(2003, 2, 2), 12));
        profile["education"] = new[] { new { level = "bachelor", major = "Mining engineering", institution = "Inner Mongolia University", graduationDate = LeftSchool } };
        profile["ruralResidence"] = true;
        profile["languages"] = new[] { "Mongolian (ᠮᠣᠩᠭᠣᠯ)", "Chinese" };
        profile["desiredOccupations"] = new[] { "Mining technician" };
        profile["employmentTypes"] = new[] { "full-time", "seasonal" };
        profile["workHistory"] = new[] { new { employer = "Baotou Steel", occupation = "Welder", from = "2023-01-01", to = "2023-12-31" } };
        return profile;
    }

    private async Task<JsonElement> MineAsync(Guid seekerId) =>
        Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me", UriKind.Relative)));

    private static JsonElement GroupOf(JsonElement profile, string name) =>
        profile.GetProperty("keyGroups").EnumerateArray().Single(group => group.GetProperty("keyGroup").GetString() == name);

    [Fact]
    public async Task Saving_a_profile_derives_each_key_group_with_evidence_who_set_it_and_when()
    {
        var seekerId = await SavedAsync(Graduate());

        var profile = await MineAsync(seekerId);

        var graduate = GroupOf(profile, "graduate");
        Assert.True(graduate.GetProperty("applies").GetBoolean());
        Assert.Equal("derived", graduate.GetProperty("source").GetString());
        Assert.Equal(seekerId, graduate.GetProperty("setBy").GetGuid());
        Assert.Contains(LeftSchool, graduate.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.True(GroupOf(profile, "rural-worker").GetProperty("applies").GetBoolean());
        Assert.False(GroupOf(profile, "veteran").GetProperty("applies").GetBoolean());
        Assert.False(GroupOf(profile, "employment-difficulty").GetProperty("applies").GetBoolean());
    }

    [Fact]
    public async Task The_event_for_matching_carries_the_flags_that_apply_and_no_evidence()
    {
        var seekerId = await SavedAsync(Graduate());

        var (_, body, _) = (await OutboxAsync(seekerId)).Single(row => row.Type == "JobMatch.Contracts.ProfileUpdated");

        var message = Parse(body);
        Assert.Equal(["graduate", "rural-worker"], message.GetProperty("keyGroups").EnumerateArray().Select(flag => flag.GetString()).Order());
        Assert.Equal("bachelor", message.GetProperty("educationLevel").GetString());
        Assert.Equal("Mining engineering", message.GetProperty("educationField").GetString());
        Assert.Equal(["Mongolian (ᠮᠣᠩᠭᠣᠯ)", "Chinese"], message.GetProperty("languages").EnumerateArray().Select(language => language.GetString()));
        Assert.Equal(["full-time", "seasonal"], message.GetProperty("employmentTypes").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal(1.0, message.GetProperty("yearsOfExperience").GetDouble());
        Assert.DoesNotContain("Inner Mongolia University", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Baotou Steel", body, StringComparison.Ordinal);
        Assert.DoesNotContain(LeftSchool, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_of_the_region_verifies_a_status_and_the_verification_is_recorded_and_audited()
    {
        var seekerId = await SavedAsync(Graduate());
        var caseworkerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150100"));

        using var response = await client.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate/verification", new { reason = "diploma seen" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var graduate = GroupOf(await MineAsync(seekerId), "graduate");
        Assert.Equal(caseworkerId, graduate.GetProperty("verifiedBy").GetGuid());
        Assert.Equal("derived", graduate.GetProperty("source").GetString());
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("verify-key-group", "diploma seen"), (entry.Action, entry.Reason));
    }

    [Fact]
    public async Task A_caseworkers_correction_stands_when_the_seeker_saves_again_and_reaches_matching()
    {
        var seekerId = await SavedAsync(Graduate());
        var caseworkerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150102"));

        using var response = await client.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran",
            new { applies = true, evidence = "Discharge certificate seen at the bureau", reason = "veteran services referral" });
        await SavedAsync(Graduate(), seekerId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var veteran = GroupOf(await MineAsync(seekerId), "veteran");
        Assert.True(veteran.GetProperty("applies").GetBoolean());
        Assert.Equal("caseworker", veteran.GetProperty("source").GetString());
        Assert.Equal(caseworkerId, veteran.GetProperty("setBy").GetGuid());
        Assert.Equal("Discharge certificate seen at the bureau", veteran.GetProperty("evidence").GetString());
        var events = (await OutboxAsync(seekerId)).Where(row => row.Type == "JobMatch.Contracts.ProfileUpdated").ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events.Skip(1), row => Assert.Contains("veteran", Parse(row.Body).GetProperty("keyGroups").EnumerateArray().Select(flag => flag.GetString())));
    }

    [Fact]
    public async Task A_caseworker_of_another_region_cannot_verify_or_correct()
    {
        var seekerId = await SavedAsync(Graduate());
        using var client = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        using var verify = await client.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate/verification", new { reason = "records check" });
        using var correct = await client.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate", new { applies = false, evidence = "x", reason = "records check" });

        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, correct.StatusCode);
        Assert.Equal(JsonValueKind.Null, GroupOf(await MineAsync(seekerId), "graduate").GetProperty("verifiedBy").ValueKind);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_correction_without_evidence_or_reason_names_both_fields_and_an_unknown_group_is_refused()
    {
        var seekerId = await SavedAsync(Graduate());
        using var client = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        using var missing = await client.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate", new { applies = false });
        using var unknown = await client.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/astronaut", new { applies = true, evidence = "x", reason = "records check" });

        Assert.Equal(["evidence", "reason"], await ProblemAssert.IsValidationProblemAsync(missing));
        Assert.Equal(["keyGroup"], await ProblemAssert.IsValidationProblemAsync(unknown));
    }
}
