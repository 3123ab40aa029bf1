using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
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

    private static readonly string Discharged = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Veteran()
    {
        var profile = Profile(TestIds.Make("150102", new DateOnly(1990, 4, 4), 13));
        profile["veteran"] = new { dischargeDate = Discharged, branch = "army", militaryOccupation = "driver" };
        profile["disability"] = new { category = "physical", grade = 3, certificateNumber = "15010219900404131X43" };
        return profile;
    }

    [Fact]
    public async Task Declared_facts_show_as_declared_groups_with_their_facts_sealed_at_rest_and_absent_from_events()
    {
        var seekerId = await SavedAsync(Veteran());

        var profile = await MineAsync(seekerId);

        var veteran = GroupOf(profile, "veteran");
        Assert.Equal("declared", veteran.GetProperty("state").GetString());
        Assert.Equal(Discharged, veteran.GetProperty("facts").GetProperty("dischargedOn").GetString());
        Assert.Equal("army", veteran.GetProperty("facts").GetProperty("branch").GetString());
        var difficulty = GroupOf(profile, "employment-difficulty");
        Assert.Equal("declared", difficulty.GetProperty("state").GetString());
        Assert.Equal("3", difficulty.GetProperty("facts").GetProperty("disabilityGrade").GetString());
        Assert.Equal("not-applicable", GroupOf(profile, "graduate").GetProperty("state").GetString());
        Assert.Equal("15010219900404131X43", profile.GetProperty("disability").GetProperty("certificateNumber").GetString());
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var stored = string.Join("|", await connection.QueryAsync<string>(
            "SELECT concat_ws('|', personal_protected, details::text) FROM profiles WHERE seeker_id = @seekerId UNION ALL SELECT concat_ws('|', evidence_protected, facts_protected) FROM key_groups WHERE seeker_id = @seekerId",
            new { seekerId }));
        Assert.DoesNotContain("15010219900404131X43", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Discharged, stored, StringComparison.Ordinal);
        Assert.All(await OutboxAsync(seekerId), row =>
        {
            Assert.DoesNotContain("15010219900404131X43", row.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Discharged, row.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_disability_certificate_number_that_is_not_letters_and_digits_is_refused_in_Chinese_or_English()
    {
        var profile = Profile();
        profile["disability"] = new { grade = 2, certificateNumber = "证号：12" };
        using var chinese = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var english = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var inChinese = await chinese.PutAsJsonAsync("/api/profiles/me", profile);
        using var inEnglish = await english.PutAsJsonAsync("/api/profiles/me", profile);

        Assert.Equal(["disability"], await ProblemAssert.IsValidationProblemAsync(inChinese));
        Assert.Contains("残疾人证号为 6 至 30 位字母或数字", await inChinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["disability"], await ProblemAssert.IsValidationProblemAsync(inEnglish));
        Assert.Contains("6 to 30 letters or digits", await inEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_rejects_a_declared_group_with_a_reason_the_seeker_reads_and_it_stands_until_corrected()
    {
        var seekerId = await SavedAsync(Veteran());
        var caseworkerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150100"));

        using var rejected = await client.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "退役证与兵役登记不符" });
        await SavedAsync(Veteran(), seekerId);
        var afterSaving = GroupOf(await MineAsync(seekerId), "veteran");
        using var corrected = await client.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran",
            new { applies = true, evidence = "退役证原件已核验", reason = "复核后认定" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", afterSaving.GetProperty("state").GetString());
        Assert.False(afterSaving.GetProperty("applies").GetBoolean());
        Assert.Equal("退役证与兵役登记不符", afterSaving.GetProperty("evidence").GetString());
        Assert.Equal(JsonValueKind.Null, afterSaving.GetProperty("verifiedBy").ValueKind);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var now = GroupOf(await MineAsync(seekerId), "veteran");
        Assert.Equal("verified", now.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("rejectedAt").ValueKind);
        Assert.Equal([("reject-key-group", "退役证与兵役登记不符"), ("correct-key-group", "复核后认定")],
            (await AuditAsync()).Select(entry => (entry.Action, entry.Reason)));
        // Matching heard the flag go with the rejection and come back with the correction.
        var flags = (await OutboxAsync(seekerId)).Where(row => row.Type == "JobMatch.Contracts.ProfileUpdated")
            .Select(row => Parse(row.Body).GetProperty("keyGroups").EnumerateArray().Any(flag => flag.GetString() == "veteran")).ToList();
        Assert.Equal([true, false, false, true], flags);
    }

    private static Dictionary<string, object?> VeteranDischargedOn(string discharged, string branch)
    {
        var profile = Veteran();
        profile["veteran"] = new { dischargeDate = discharged, branch, militaryOccupation = "driver" };
        return profile;
    }

    private async Task<JsonElement> StaffGroupAsync(HttpClient staff, Guid seekerId, string name) =>
        GroupOf(Parse(await staff.GetStringAsync(new Uri($"/api/profiles/{seekerId}?reason={Uri.EscapeDataString("复核重点群体")}&reveal=keyGroupEvidence", UriKind.Relative))), name);

    private static async Task<List<Guid>> RedeclaredAsync(HttpClient staff, Guid seekerId, string keyGroup = "") =>
        Parse(await staff.GetStringAsync(new Uri($"/api/profiles/seekers?reason={Uri.EscapeDataString("复核重点群体")}&redeclared=true&seekerId={seekerId}{keyGroup}", UriKind.Relative)))
            .GetProperty("seekers").EnumerateArray().Select(seeker => seeker.GetProperty("seekerId").GetGuid()).ToList();

    [Fact]
    public async Task New_facts_for_a_rejected_group_mark_it_re_declared_beside_the_standing_rejection_until_a_caseworker_verifies_them()
    {
        var seekerId = await SavedAsync(Veteran());
        using var staff = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var rejected = await staff.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "退役证与兵役登记不符" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Empty(await RedeclaredAsync(staff, seekerId));

        var newDischarge = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SavedAsync(VeteranDischargedOn(newDischarge, "navy"), seekerId);
        var marked = await StaffGroupAsync(staff, seekerId, "veteran");
        await SavedAsync(VeteranDischargedOn(newDischarge, "navy"), seekerId);
        var savedAgain = await StaffGroupAsync(staff, seekerId, "veteran");

        // The rejection stands, with its reason; the new facts wait beside it.
        Assert.Equal(("rejected", false, "退役证与兵役登记不符"), (marked.GetProperty("state").GetString(), marked.GetProperty("applies").GetBoolean(), marked.GetProperty("evidence").GetString()));
        Assert.Equal(Discharged, marked.GetProperty("facts").GetProperty("dischargedOn").GetString());
        Assert.Equal(newDischarge, marked.GetProperty("redeclaredFacts").GetProperty("dischargedOn").GetString());
        Assert.Equal("navy", marked.GetProperty("redeclaredFacts").GetProperty("branch").GetString());
        Assert.Equal(marked.GetProperty("redeclaredAt").GetDateTime(), savedAgain.GetProperty("redeclaredAt").GetDateTime());
        Assert.Equal([seekerId], await RedeclaredAsync(staff, seekerId));
        Assert.Equal([seekerId], await RedeclaredAsync(staff, seekerId, "&keyGroup=veteran"));
        Assert.Empty(await RedeclaredAsync(staff, seekerId, "&keyGroup=graduate"));
        // The seeker sees the rejection as it stands (the mark is for the caseworker); matching still has no flag.
        Assert.Equal("rejected", GroupOf(await MineAsync(seekerId), "veteran").GetProperty("state").GetString());

        using var verified = await staff.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/verification", new { reason = "核验新的退役证" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var now = await StaffGroupAsync(staff, seekerId, "veteran");
        Assert.Equal(("verified", true), (now.GetProperty("state").GetString(), now.GetProperty("applies").GetBoolean()));
        Assert.Equal(newDischarge, now.GetProperty("facts").GetProperty("dischargedOn").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("redeclaredAt").ValueKind);
        Assert.Empty(await RedeclaredAsync(staff, seekerId));
        var flags = (await OutboxAsync(seekerId)).Where(row => row.Type == "JobMatch.Contracts.ProfileUpdated")
            .Select(row => Parse(row.Body).GetProperty("keyGroups").EnumerateArray().Any(flag => flag.GetString() == "veteran")).ToList();
        Assert.Equal([true, false, false, false, true], flags);
    }

    [Fact]
    public async Task A_re_declared_group_may_be_rejected_again_and_facts_that_no_longer_qualify_take_the_mark_away()
    {
        var seekerId = await SavedAsync(Veteran());
        using var staff = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        await staff.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "退役证与兵役登记不符" });
        var newDischarge = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SavedAsync(VeteranDischargedOn(newDischarge, "air-force"), seekerId);

        using var again = await staff.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "新退役证仍无法核实" });
        var rejectedAgain = await StaffGroupAsync(staff, seekerId, "veteran");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(("rejected", "新退役证仍无法核实"), (rejectedAgain.GetProperty("state").GetString(), rejectedAgain.GetProperty("evidence").GetString()));
        Assert.Equal(newDischarge, rejectedAgain.GetProperty("facts").GetProperty("dischargedOn").GetString());
        Assert.Equal(JsonValueKind.Null, rejectedAgain.GetProperty("redeclaredAt").ValueKind);

        // New facts again, then none at all (the seeker takes the service out): nothing is left to look at.
        await SavedAsync(VeteranDischargedOn(Discharged, "army"), seekerId);
        Assert.Equal([seekerId], await RedeclaredAsync(staff, seekerId));
        var withoutService = Veteran();
        withoutService.Remove("veteran");
        await SavedAsync(withoutService, seekerId);
        Assert.Empty(await RedeclaredAsync(staff, seekerId));
        Assert.Equal("rejected", (await StaffGroupAsync(staff, seekerId, "veteran")).GetProperty("state").GetString());
        Assert.Equal(["reject-key-group", "reject-key-group"], (await AuditAsync())
            .Where(entry => entry.SeekerId == seekerId && entry.Action.Contains("key-group", StringComparison.Ordinal)).Select(entry => entry.Action));
    }

    [Fact]
    public async Task A_rejection_needs_a_real_reason_and_a_group_that_applies_and_is_for_the_seekers_region_only()
    {
        var seekerId = await SavedAsync(Veteran());
        using var chinese = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var english = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var elsewhere = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        using var dot = await chinese.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "." });
        using var notApplying = await chinese.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate/rejection", new { reason = "没有毕业证明" });
        using var notApplyingEnglish = await english.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/graduate/rejection", new { reason = "no diploma seen" });
        using var otherRegion = await elsewhere.PostAsJsonAsync($"/api/profiles/{seekerId}/key-groups/veteran/rejection", new { reason = "records check" });

        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(dot));
        Assert.Equal(["keyGroup"], await ProblemAssert.IsValidationProblemAsync(notApplying));
        Assert.Contains("无可驳回", await notApplying.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["keyGroup"], await ProblemAssert.IsValidationProblemAsync(notApplyingEnglish));
        Assert.Contains("nothing to reject", await notApplyingEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherRegion.StatusCode);
        Assert.Equal("declared", GroupOf(await MineAsync(seekerId), "veteran").GetProperty("state").GetString());
        Assert.Empty(await AuditAsync());
    }
}
