using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;

namespace Profiles.Tests.Integration;

/// <summary>Consent per purpose, export of everything held, and deletion announced to the other services.</summary>
public sealed class ConsentAndAccountTests : ProfilesHost
{
    private static HttpContent Granted(bool granted) => JsonContent.Create(new { granted });

    [Fact]
    public async Task A_new_profile_consents_to_matching_only()
    {
        var seekerId = await SavedAsync(Profile());

        var consents = Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me/consents", UriKind.Relative)));

        Assert.Equal(
            ["caseworker-contact:False", "employer-sharing:False", "matching:True"],
            consents.EnumerateArray().Select(c => $"{c.GetProperty("purpose").GetString()}:{c.GetProperty("granted").GetBoolean()}"));
    }

    [Fact]
    public async Task The_answers_given_at_registration_are_what_a_new_profile_consents_to_and_a_no_to_matching_sends_nothing()
    {
        var profile = Profile();
        profile["consents"] = new Dictionary<string, bool> { ["matching"] = false, ["employer-sharing"] = true, ["caseworker-contact"] = false };
        var seekerId = await SavedAsync(profile);
        // Answers are for purposes not answered yet: a later save cannot switch matching on behind the seeker's back.
        profile["consents"] = new Dictionary<string, bool> { ["matching"] = true };
        await SavedAsync(profile, seekerId);

        var consents = Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me/consents", UriKind.Relative)));

        Assert.Equal(
            ["caseworker-contact:False", "employer-sharing:True", "matching:False"],
            consents.EnumerateArray().Select(c => $"{c.GetProperty("purpose").GetString()}:{c.GetProperty("granted").GetBoolean()}"));
        Assert.Empty(await OutboxAsync(seekerId));
    }

    [Fact]
    public async Task Granting_then_withdrawing_employer_sharing_is_announced_with_the_flag_each_time()
    {
        var seekerId = await SavedAsync(Profile());
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using (var grant = await client.PutAsync(new Uri("/api/profiles/me/consents/employer-sharing", UriKind.Relative), Granted(true))) grant.EnsureSuccessStatusCode();
        using (var withdraw = await client.PutAsync(new Uri("/api/profiles/me/consents/employer-sharing", UriKind.Relative), Granted(false))) withdraw.EnsureSuccessStatusCode();

        var events = (await OutboxAsync(seekerId)).Select(row => (row.Type[(row.Type.LastIndexOf('.') + 1)..], Parse(row.Body))).ToList();
        Assert.Equal(["ProfileUpdated", "SeekerConsentChanged", "ProfileUpdated", "SeekerConsentChanged", "ProfileUpdated"], events.Select(e => e.Item1));
        Assert.Equal([false, true, false], events.Where(e => e.Item1 == "ProfileUpdated").Select(e => e.Item2.GetProperty("sharedWithEmployers").GetBoolean()));
        Assert.Equal([true, false], events.Where(e => e.Item1 == "SeekerConsentChanged").Select(e => e.Item2.GetProperty("granted").GetBoolean()));
    }

    [Fact]
    public async Task Without_consent_to_matching_a_saved_profile_is_not_sent_to_matching()
    {
        var seekerId = await SavedAsync(Profile());
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var withdraw = await client.PutAsync(new Uri("/api/profiles/me/consents/matching", UriKind.Relative), Granted(false))) withdraw.EnsureSuccessStatusCode();

        await SavedAsync(Profile(), seekerId);

        var types = (await OutboxAsync(seekerId)).Select(row => row.Type[(row.Type.LastIndexOf('.') + 1)..]);
        Assert.Equal(["ProfileUpdated", "SeekerConsentChanged"], types);
    }

    [Fact]
    public async Task An_unknown_purpose_or_missing_answer_is_a_validation_problem()
    {
        var seekerId = await SavedAsync(Profile());
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var response = await client.PutAsync(new Uri("/api/profiles/me/consents/advertising", UriKind.Relative), JsonContent.Create(new { }));

        Assert.Equal(["granted", "purpose"], await ProblemAssert.IsValidationProblemAsync(response));
    }

    [Fact]
    public async Task The_export_holds_the_profile_unmasked_the_consents_and_every_staff_access()
    {
        var nationalId = TestIds.Unique();
        var seekerId = await SavedAsync(Profile(nationalId));
        var caseworkerId = Guid.NewGuid();
        using (var read = await Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150000"))
                   .GetAsync(new Uri($"/api/profiles/{seekerId}?reason=job%20fair%20invitation", UriKind.Relative)))
        {
            read.EnsureSuccessStatusCode();
        }

        var export = Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me/export", UriKind.Relative)));

        Assert.Equal(nationalId, export.GetProperty("profile").GetProperty("nationalId").GetString());
        Assert.Equal(Phone, export.GetProperty("profile").GetProperty("phone").GetString());
        Assert.Equal(3, export.GetProperty("consents").GetArrayLength());
        var access = Assert.Single(export.GetProperty("staffAccess").EnumerateArray());
        Assert.Equal(caseworkerId, access.GetProperty("staffId").GetGuid());
        Assert.Equal("job fair invitation", access.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Deleting_the_account_removes_profile_key_groups_and_consents_and_announces_SeekerDeleted_keeping_the_audit_log()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique()));
        using (var read = await Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"))
                   .GetAsync(new Uri($"/api/profiles/{seekerId}?reason=check", UriKind.Relative)))
        {
            read.EnsureSuccessStatusCode();
        }

        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var delete = await client.DeleteAsync(new Uri("/api/profiles/me", UriKind.Relative));
        using var after = await client.GetAsync(new Uri("/api/profiles/me", UriKind.Relative));
        using var again = await client.DeleteAsync(new Uri("/api/profiles/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        // Deleting again (or without ever having a profile) still tells the other services to erase the seeker.
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT count(*) FROM profiles) + (SELECT count(*) FROM key_groups) + (SELECT count(*) FROM consents)"));
        Assert.Single(await AuditAsync());
        var deleted = await Eventually.GetAsync(async () => (await OutboxAsync(seekerId)).Where(row => row.Type == "JobMatch.Contracts.SeekerDeleted").ToList(),
            rows => rows.Count == 2 && rows.All(row => row.Sent), "SeekerDeleted published for both deletions");
        Assert.Equal(seekerId, Parse(deleted[0].Body).GetProperty("seekerId").GetGuid());
    }
}
