using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using Npgsql;

namespace Profiles.Tests.Integration;

/// <summary>Who sees whom: seekers only themselves, caseworkers only their regions, every staff read audited and masked.</summary>
public sealed class StaffAccessTests : ProfilesHost
{
    private async Task<HttpResponseMessage> StaffGetAsync(string token, Guid seekerId, string query) =>
        await Factory.ClientWithToken(token).GetAsync(new Uri($"/api/profiles/{seekerId}{query}", UriKind.Relative));

    [Fact]
    public async Task A_caseworker_of_the_seekers_city_reads_the_profile_with_the_ID_number_masked_and_the_read_is_audited()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1990, 3, 15), 41);
        var seekerId = await SavedAsync(Profile(nationalId));
        var caseworkerId = Guid.NewGuid();

        using var response = await StaffGetAsync(TestTokens.Caseworker(caseworkerId, "150100"), seekerId, "?reason=follow-up%20call");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = Parse(body);
        Assert.Equal(nationalId[..6] + "********" + nationalId[14..], profile.GetProperty("nationalId").GetString());
        Assert.True(profile.GetProperty("nationalIdMasked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("sensitive").ValueKind);
        Assert.DoesNotContain(nationalId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("1990-03-15", body, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((caseworkerId, "read-profile", (Guid?)seekerId, "follow-up call"), (entry.StaffId, entry.Action, entry.SeekerId, entry.Reason));
        Assert.Contains("nationalId(masked)", entry.Fields);
        Assert.DoesNotContain("nationalId", entry.Fields);
    }

    [Fact]
    public async Task Revealing_the_ID_number_and_sensitive_fields_is_possible_for_the_caseworker_and_named_in_the_audit_entry()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1990, 3, 15), 42);
        var seekerId = await SavedAsync(Profile(nationalId));

        using var response = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150102"), seekerId, "?reason=verify%20identity&reveal=nationalId&reveal=sensitive");
        var profile = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(nationalId, profile.GetProperty("nationalId").GetString());
        Assert.Equal("1990-03-15", profile.GetProperty("sensitive").GetProperty("birthDate").GetString());
        Assert.Equal("female", profile.GetProperty("sensitive").GetProperty("gender").GetString());
        var fields = Assert.Single(await AuditAsync()).Fields;
        Assert.Contains("nationalId", fields);
        Assert.Contains("health", fields);
    }

    [Fact]
    public async Task A_staff_read_without_a_reason_is_refused_and_not_served()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique()));

        using var response = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), seekerId, "");

        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_caseworker_of_another_region_is_told_the_seeker_does_not_exist_and_nothing_is_audited()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique(), regionCode: "150102"));

        using var otherCity = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150200"), seekerId, "?reason=curious");
        using var missing = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), Guid.NewGuid(), "?reason=curious");

        Assert.Equal(HttpStatusCode.NotFound, otherCity.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task An_administrator_reads_any_region()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique(), regionCode: "152501"));

        using var response = await StaffGetAsync(TestTokens.Administrator(Guid.NewGuid()), seekerId, "?reason=complaint%20review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task A_seeker_cannot_read_another_seeker_by_id_nor_themselves_through_the_staff_route()
    {
        var other = await SavedAsync(Profile(TestIds.Unique()));
        var me = await SavedAsync(Profile(TestIds.Unique()));

        using var theirs = await StaffGetAsync(TestTokens.Seeker(me), other, "?reason=x");
        using var mine = await StaffGetAsync(TestTokens.Seeker(me), me, "?reason=x");
        using var employer = await StaffGetAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), other, "?reason=x");

        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_seeker_sees_their_own_ID_number_unmasked_with_birth_date_and_gender_derived_from_it()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(2001, 8, 9), 37);
        var seekerId = await SavedAsync(Profile(nationalId));

        var profile = Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me", UriKind.Relative)));

        Assert.Equal(nationalId, profile.GetProperty("nationalId").GetString());
        Assert.Equal("2001-08-09", profile.GetProperty("birthDate").GetString());
        Assert.Equal("male", profile.GetProperty("gender").GetString());
        Assert.Equal("forklift", profile.GetProperty("skillConcepts")[1].GetProperty("concept").GetString());
        Assert.Equal("ＦＯＲＫＬＩＦＴ", profile.GetProperty("skillConcepts")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_invalid_check_digit_is_a_validation_problem_on_nationalId_and_one_number_belongs_to_one_profile()
    {
        var nationalId = TestIds.Unique();
        var wrong = nationalId[..17] + (nationalId[17] == '0' ? '1' : '0');
        using var client = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var invalid = await client.PutAsJsonAsync("/api/profiles/me", Profile(wrong));
        await SavedAsync(Profile(nationalId));
        using var taken = await client.PutAsJsonAsync("/api/profiles/me", Profile(nationalId));

        Assert.Equal(["nationalId"], await ProblemAssert.IsValidationProblemAsync(invalid));
        Assert.Equal(["nationalId"], await ProblemAssert.IsValidationProblemAsync(taken));
    }

    [Fact]
    public async Task After_five_taken_ID_numbers_in_a_day_new_numbers_are_refused_unchecked_but_the_seekers_own_still_saves()
    {
        var own = TestIds.Unique();
        var seekerId = await SavedAsync(Profile(own));
        var others = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(TestIds.Unique());
            await SavedAsync(Profile(others[^1]));
        }
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        foreach (var taken in others)
        {
            using var refused = await client.PutAsJsonAsync("/api/profiles/me", Profile(taken));
            Assert.Equal(["nationalId"], await ProblemAssert.IsValidationProblemAsync(refused));
        }
        // A sixth try names a free number: it is refused like a taken one would be, so the answer tells nothing.
        using var free = await client.PutAsJsonAsync("/api/profiles/me", Profile(TestIds.Unique()));
        using var again = await client.PutAsJsonAsync("/api/profiles/me", Profile(others[0]));
        using var ownAgain = await client.PutAsJsonAsync("/api/profiles/me", Profile(own));

        Assert.Equal(HttpStatusCode.TooManyRequests, free.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var problem = await free.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("nationalId", out _));
        Assert.Equal(HttpStatusCode.OK, ownAgain.StatusCode);
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM national_id_attempts WHERE seeker_id = @seekerId", new { seekerId }));
    }

    [Fact]
    public async Task The_ID_number_and_sensitive_fields_are_stored_only_as_ciphertext()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1979, 4, 4), 51);
        var profile = Profile(nationalId);
        profile["disability"] = new { category = "visual", grade = 3 };
        profile["veteran"] = new { dischargeDate = "2001-12-01", branch = "PLA Army", militaryOccupation = "Signals" };
        var seekerId = await SavedAsync(profile);

        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>(
            """
            SELECT row_to_json(p)::text || (SELECT coalesce(json_agg(k)::text, '') FROM key_groups k WHERE k.seeker_id = p.seeker_id)
            FROM profiles p WHERE seeker_id = @seekerId
            """, new { seekerId });

        Assert.DoesNotContain(nationalId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1979-04-04", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("visual", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Signals", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("PLA Army", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_read_in_another_service_lands_in_each_listed_seekers_audit_log()
    {
        // Matching and job-posting announce their staff reads (recommendations, candidates, applicants) as events.
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var caseworkerId = Guid.NewGuid();
        var read = new JobMatch.Contracts.StaffReadPersonalData(caseworkerId, "caseworker", "list-candidates", [first, second],
            ["skills", "location"], "岗位推荐复核", DateTimeOffset.UtcNow.AddSeconds(-3));

        await Factory.Bus.Publish(read);

        var entries = await Eventually.GetAsync(AuditAsync, rows => rows.Count >= 2, "the audit entries of both seekers");
        Assert.Equal([(caseworkerId, "list-candidates", (Guid?)first, "岗位推荐复核"), (caseworkerId, "list-candidates", (Guid?)second, "岗位推荐复核")],
            entries.Select(row => (row.StaffId, row.Action, row.SeekerId, row.Reason)).OrderBy(row => row.SeekerId == second));
        Assert.All(entries, entry => Assert.Equal(["skills", "location"], entry.Fields));
    }

    [Fact]
    public async Task The_audit_entries_of_a_seeker_are_listed_to_staff_of_the_region_only()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique(), regionCode: "150102"));
        var readerId = Guid.NewGuid();
        using (var read = await StaffGetAsync(TestTokens.Caseworker(readerId, "150102"), seekerId, "?reason=benefit%20check")) read.EnsureSuccessStatusCode();

        var auditorId = Guid.NewGuid();
        using var own = await Factory.ClientWithToken(TestTokens.Caseworker(auditorId, "150100")).GetAsync(new Uri($"/api/profiles/{seekerId}/audit?reason=complaint%20review", UriKind.Relative));
        using var other = await Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200")).GetAsync(new Uri($"/api/profiles/{seekerId}/audit?reason=complaint%20review", UriKind.Relative));
        using var noReason = await Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100")).GetAsync(new Uri($"/api/profiles/{seekerId}/audit?reason=..", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var entry = Assert.Single(Parse(await own.Content.ReadAsStringAsync()).EnumerateArray());
        Assert.Equal(readerId, entry.GetProperty("staffId").GetGuid());
        Assert.Equal("benefit check", entry.GetProperty("reason").GetString());
        Assert.Equal("read-profile", entry.GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(noReason));
        // Reading the log is itself a read of the person, with its reason; the refused and out-of-region reads leave nothing.
        var logged = (await AuditAsync()).Select(row => (row.StaffId, row.Action, row.Reason)).ToList();
        Assert.Equal([(readerId, "read-profile", "benefit check"), (auditorId, "read-audit-log", "complaint review")], logged);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("   ")]
    [InlineData("x y")]
    [InlineData("\u200B\u200B\u200B\u200B")]
    [InlineData("。。。")]
    public async Task A_reason_without_real_characters_does_not_reveal_the_ID_number(string reason)
    {
        var nationalId = TestIds.Unique();
        var seekerId = await SavedAsync(Profile(nationalId));

        using var response = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), seekerId,
            "?reveal=nationalId&reason=" + Uri.EscapeDataString(System.Text.RegularExpressions.Regex.Unescape(reason)));

        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.DoesNotContain(nationalId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData("回访")]
    [InlineData("ID check")]
    public async Task A_short_real_reason_in_Chinese_or_English_reveals_the_ID_number_and_is_audited(string reason)
    {
        var nationalId = TestIds.Unique();
        var seekerId = await SavedAsync(Profile(nationalId));

        using var response = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), seekerId, "?reveal=nationalId&reason=" + Uri.EscapeDataString(reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(nationalId, Parse(await response.Content.ReadAsStringAsync()).GetProperty("nationalId").GetString());
        Assert.Equal(reason, Assert.Single(await AuditAsync()).Reason);
    }

    [Fact]
    public async Task The_audit_log_refuses_update_delete_and_truncate_in_the_database()
    {
        var seekerId = await SavedAsync(Profile(TestIds.Unique()));
        using (var read = await StaffGetAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), seekerId, "?reason=check")) read.EnsureSuccessStatusCode();
        await using var connection = await Factory.DataSource.OpenConnectionAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("UPDATE audit_log SET reason = 'nothing to see'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("TRUNCATE audit_log"));

        Assert.All([update, delete, truncate], error => Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal));
        Assert.Equal("check", Assert.Single(await AuditAsync()).Reason);
    }
}
