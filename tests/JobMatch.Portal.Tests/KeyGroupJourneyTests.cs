using System.Globalization;
using System.Text.Json.Nodes;
using JobMatch.Testing;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// Key groups as a lifecycle, in the browser: a seeker declares veteran facts on the profile form; a caseworker finds
/// them in the register by name, verifies the group, sets and then rejects another with a reason, records a
/// follow-up (an earlier day than the application is refused beside the field); the seeker reads each group's
/// status and declares the rejected one again, which the caseworker finds re-declared beside the standing rejection;
/// the caseworker runs a campaign for unplaced graduates and reads its results per seeker by name, and by name the
/// graduate it found nothing for, with why — Chinese and English, 375 and 1280 px, axe 0, no id or code on screen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class KeyGroupJourneyTests(PortalStack stack)
{
    private static string UniqueName(string surname)
    {
        const string syllables = "巴特尔苏和朝鲁乌力吉额尔敦宝音图那顺孟和";
        var name = new char[3];
        for (var i = 0; i < name.Length; i++) name[i] = syllables[Random.Shared.Next(syllables.Length)];
        return surname + new string(name);
    }

    private static string Day(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_seeker_declares_veteran_facts_a_caseworker_verifies_rejects_follows_up_and_reads_a_campaign_per_seeker()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var skill = "仓储-" + tag;
        var title = $"仓库管理员 {tag}";
        var (postingId, status) = await stack.PostingAsync(title, "负责仓库收发货和库存盘点。", [skill], regionCode: "150102");
        Assert.Equal("published", status);

        // The veteran: an account and a first profile, then an application; the key-group facts come through the form.
        var veteranName = UniqueName("巴图");
        var (veteran, _, username) = await stack.RegisterSeekerAsync();
        using (veteran)
        {
            await stack.SendAsync(veteran, HttpMethod.Put, "api/profiles/me", new
            {
                name = veteranName, skills = new[] { "叉车" }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
            });
            await stack.SendAsync(veteran, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = "退役军人。" });
        }
        // A graduate of half a year ago with the posting's skill: the campaign's seeker.
        var graduateName = UniqueName("其其格");
        var (graduate, graduateId, _) = await stack.RegisterSeekerAsync();
        using (graduate)
        {
            await stack.SendAsync(graduate, HttpMethod.Put, "api/profiles/me", new
            {
                name = graduateName, skills = new[] { skill }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
                education = new[] { new { level = "bachelor", major = "物流管理", institution = "内蒙古工业大学", graduationDate = DateTime.UtcNow.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            });
        }

        // ---- The seeker declares the discharge on the profile form. ----
        await using var seeker = await OpenAsync(stack, "key-groups-seeker", seekerChecks: true);
        await seeker.GotoAsync("/Account/SignIn");
        await seeker.FillAsync(("username", username), ("password", PortalStack.DemoPassword));
        await seeker.SubmitAsync(Zh("signIn.submit"));
        await seeker.GotoAsync("/Seeker/Profile");
        var discharged = Day(DateTime.UtcNow.AddMonths(-8));
        await seeker.FillAsync(("dischargedOn", discharged));
        await seeker.Page.Locator("#branch").SelectOptionAsync("army");
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        var declared = seeker.Page.Locator("article.key-group");
        await Assertions.Expect(declared).ToHaveCountAsync(1);
        await Assertions.Expect(declared).ToContainTextAsync(Zh("keyGroup.veteran"));
        await Assertions.Expect(declared).ToContainTextAsync(Zh("keyGroupState.declared"));
        await Assertions.Expect(declared).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, Zh("evidence.discharged"), discharged, Zh("branch.army")));
        Assert.Equal(discharged, await seeker.Field("dischargedOn").InputValueAsync());
        await seeker.CheckBothAsync("profile-declared");

        // ---- The caseworker: the register by name, the group's evidence in words, verified. ----
        await using var caseworker = await OpenAsync(stack, "key-groups-caseworker", seekerChecks: true);
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));
        await caseworker.GotoAsync("/Caseworker/Seekers");
        await caseworker.FillAsync(("reason", "退役军人身份核实"), ("name", veteranName));
        await caseworker.Page.Locator("#keyGroup").SelectOptionAsync("veteran");
        // The area by name in the shared place picker (the league, then its district), not a code.
        await caseworker.Page.Locator("#place-league").SelectOptionAsync(new SelectOptionValue { Label = "呼和浩特市" });
        await caseworker.Page.Locator("#place-county").SelectOptionAsync(new SelectOptionValue { Label = "新城区" });
        await caseworker.SubmitAsync(Zh("seekers.search"));
        var row = caseworker.Page.Locator("#register tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(veteranName);
        await caseworker.SubmitAsync(row.Locator("a"));
        var veteranGroup = caseworker.Page.Locator("#key-group-veteran");
        await Assertions.Expect(veteranGroup).ToContainTextAsync(Zh("branch.army"));
        await Assertions.Expect(veteranGroup).ToContainTextAsync(Zh("keyGroupState.declared"));
        await caseworker.SubmitAsync(veteranGroup.GetByRole(AriaRole.Button, new() { Name = $"{Zh("seeker.verify")}: {Zh("keyGroup.veteran")}" }));
        Assert.Contains(Zh("seeker.verified"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("#key-group-veteran")).ToContainTextAsync(Zh("keyGroupState.verified"));

        // A group set on the caseworker's own evidence, then found false and rejected with the reason the seeker reads.
        await caseworker.Page.Locator("details.card summary").ClickAsync();
        await caseworker.Page.Locator("#correct-group").SelectOptionAsync("rural-worker");
        await caseworker.FillAsync(("correct-evidence", "户口簿已核验"), ("correct-reason", "入户走访核实"));
        await caseworker.SubmitAsync(Zh("seeker.correct"));
        Assert.Contains(Zh("seeker.corrected"), await caseworker.TextAsync(), StringComparison.Ordinal);
        var rural = caseworker.Page.Locator("#key-group-rural-worker");
        await Assertions.Expect(rural).ToContainTextAsync("户口簿已核验");
        await rural.Locator("input[name=rejectReason]").FillAsync("户籍已迁入城镇");
        await caseworker.SubmitAsync(rural.GetByRole(AriaRole.Button, new() { Name = $"{Zh("seeker.reject")}: {Zh("keyGroup.rural-worker")}" }));
        Assert.Contains(Zh("seeker.rejected"), await caseworker.TextAsync(), StringComparison.Ordinal);
        rural = caseworker.Page.Locator("#key-group-rural-worker");
        await Assertions.Expect(rural).ToContainTextAsync(Zh("keyGroupState.rejected"));
        await Assertions.Expect(rural).ToContainTextAsync("户籍已迁入城镇");
        await caseworker.CheckBothAsync("seeker-key-groups");

        // A follow-up: a day before the application is refused beside the date, in Chinese; today is recorded.
        var application = caseworker.Page.Locator("article.application", new() { HasText = title });
        await application.Locator("select[name=outcome]").SelectOptionAsync("hired");
        await application.Locator("input[name=visitedOn]").FillAsync(Day(DateTime.UtcNow.AddDays(-20)));
        await caseworker.SubmitAsync(application.GetByRole(AriaRole.Button));
        application = caseworker.Page.Locator("article.application", new() { HasText = title });
        await Assertions.Expect(application.Locator("label .field-error")).ToContainTextAsync("回访日期不能早于求职申请日期");
        await caseworker.CheckAsync("follow-up-refused");
        await application.Locator("select[name=outcome]").SelectOptionAsync("hired");
        await application.Locator("input[name=visitedOn]").FillAsync(Day(DateTime.UtcNow));
        await caseworker.SubmitAsync(application.GetByRole(AriaRole.Button));
        Assert.Contains(Zh("seeker.followUpRecorded"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("article.application", new() { HasText = title }).Locator("ul.follow-ups li")).ToHaveCountAsync(1);

        // The same seeker in English: evidence worded in English, states named.
        await caseworker.GotoAsync(new Uri(caseworker.Page.Url).PathAndQuery + "&lang=en");
        await Assertions.Expect(caseworker.Page.Locator("#key-group-veteran")).ToContainTextAsync(En("branch.army"));
        await Assertions.Expect(caseworker.Page.Locator("#key-group-rural-worker")).ToContainTextAsync(En("keyGroupState.rejected"));
        await caseworker.CheckBothAsync("seeker-key-groups-en");
        await caseworker.GotoAsync("/Caseworker/Seekers?lang=zh");

        // ---- The seeker reads where each group stands. ----
        await seeker.GotoAsync("/Seeker/Profile");
        await Assertions.Expect(seeker.Page.Locator("article.key-group", new() { HasText = Zh("keyGroup.veteran") })).ToContainTextAsync(Zh("keyGroupState.verified"));
        var rejected = seeker.Page.Locator("article.key-group", new() { HasText = Zh("keyGroup.rural-worker") });
        await Assertions.Expect(rejected).ToContainTextAsync(Zh("keyGroupState.rejected"));
        await Assertions.Expect(rejected).ToContainTextAsync("户籍已迁入城镇");
        await seeker.CheckBothAsync("profile-statuses");
        await seeker.GotoAsync("/Seeker/Profile?lang=en");
        await Assertions.Expect(seeker.Page.Locator("article.key-group", new() { HasText = En("keyGroup.veteran") })).ToContainTextAsync(En("keyGroupState.verified"));
        await seeker.CheckBothAsync("profile-statuses-en");
        await seeker.GotoAsync("/Seeker/Profile?lang=zh");

        // ---- The seeker declares rural residence after all: the rejection stands, the caseworker is told to look again. ----
        await seeker.GotoAsync("/Seeker/Profile");
        await seeker.Page.Locator("#ruralResidence").CheckAsync();
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        await caseworker.GotoAsync($"/Caseworker/Seekers?reason={Uri.EscapeDataString("复核重新申报")}&name={Uri.EscapeDataString(veteranName)}&redeclared=true");
        var redeclaredRow = caseworker.Page.Locator("#register tbody tr");
        await Assertions.Expect(redeclaredRow).ToHaveCountAsync(1);
        await Assertions.Expect(redeclaredRow).ToContainTextAsync(Zh("keyGroupState.redeclared"));
        await caseworker.SubmitAsync(redeclaredRow.Locator("a"));
        var again = caseworker.Page.Locator("#key-group-rural-worker");
        await Assertions.Expect(again).ToContainTextAsync(Zh("keyGroupState.rejected"));
        await Assertions.Expect(again).ToContainTextAsync(Zh("keyGroupState.redeclared"));
        await Assertions.Expect(again).ToContainTextAsync("户籍已迁入城镇");
        await Assertions.Expect(again).ToContainTextAsync(Zh("evidence.ruralResidence"));
        await caseworker.CheckBothAsync("seeker-key-group-redeclared");
        // Rejected again, on the new facts: the seeker reads the caseworker's new reason, not the facts it was rejected on.
        await again.Locator("input[name=rejectReason]").FillAsync("户籍仍在城镇");
        await caseworker.SubmitAsync(again.GetByRole(AriaRole.Button, new() { Name = $"{Zh("seeker.reject")}: {Zh("keyGroup.rural-worker")}" }));
        Assert.Contains(Zh("seeker.rejected"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("#key-group-rural-worker .tag.redeclared")).ToHaveCountAsync(0);
        await seeker.GotoAsync("/Seeker/Profile");
        var rejectedAgain = seeker.Page.Locator("article.key-group", new() { HasText = Zh("keyGroup.rural-worker") });
        await Assertions.Expect(rejectedAgain).ToContainTextAsync("户籍仍在城镇");
        await Assertions.Expect(rejectedAgain).Not.ToContainTextAsync(Zh("evidence.ruralResidence"));

        // A graduate of the area living out in 武川县, with a short commute, where no test posts: eligible, but no posting within
        // reach (a posting known only by its 新城区 would be within reach of a seeker placed in 新城区).
        var farName = UniqueName("乌兰");
        var (far, farId, _) = await stack.RegisterSeekerAsync();
        using (far)
        {
            await stack.SendAsync(far, HttpMethod.Put, "api/profiles/me", new
            {
                name = farName, skills = new[] { skill }, regionCode = "150125", latitude = 41.08, longitude = 111.45, maxCommuteKm = 5,
                education = new[] { new { level = "junior-college", major = "畜牧兽医", institution = "内蒙古农业大学", graduationDate = DateTime.UtcNow.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            });
        }

        // ---- A campaign for graduates, once matching knows the graduates and the posting. ----
        var (staff, _) = await stack.SignInAsync("caseworker");
        using (staff)
        {
            await Eventually.GetAsync(async () =>
            {
                using var response = await staff.GetAsync($"api/matches/seekers/{graduateId}/recommendations?reason={Uri.EscapeDataString("专项匹配准备")}");
                return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count(item => item!["postingId"]!.GetValue<Guid>() == postingId) : 0;
            }, count => count == 1, "matching to recommend the posting to the graduate");
            await Eventually.GetAsync(async () =>
            {
                using var response = await staff.GetAsync($"api/matches/seekers/{farId}/recommendations?reason={Uri.EscapeDataString("专项匹配准备")}");
                return response.StatusCode;
            }, status => status == System.Net.HttpStatusCode.OK, "matching to know the graduate far out");
        }
        await caseworker.GotoAsync("/Caseworker/Campaigns");
        await caseworker.FillAsync(("name", $"高校毕业生专场 {tag}"));
        await caseworker.Page.Locator("#keyGroup").SelectOptionAsync("graduate");
        await caseworker.Page.Locator("#unplacedOnly").CheckAsync();
        await caseworker.SubmitAsync(Zh("campaigns.run"));
        await Eventually.GetAsync(async () =>
        {
            try
            {
                await caseworker.GotoAsync(new Uri(caseworker.Page.Url).PathAndQuery);
            }
            catch (PlaywrightException e) when (e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                return -1; // the page's own Refresh reload cancelled this navigation: still running
            }
            return await caseworker.Page.Locator("progress").CountAsync();
        }, count => count == 0, "the campaign to finish");
        await Assertions.Expect(caseworker.Page.Locator("main dl.explain").First).ToContainTextAsync(Zh("campaign.unplacedOnly"));
        await caseworker.FillAsync(("reason", "高校毕业生专场推送"));
        await caseworker.SubmitAsync(Zh("campaign.showResults"));
        var person = caseworker.Page.Locator("section.campaign-seeker", new() { HasText = graduateName });
        await Assertions.Expect(person).ToHaveCountAsync(1);
        await Assertions.Expect(person.Locator("h3")).ToContainTextAsync("呼和浩特市新城区");
        await Assertions.Expect(person.Locator("tr", new() { HasText = title })).ToHaveCountAsync(1);
        // The graduate far out is listed by name under "no match found", with the reason in plain words — on a later page
        // of that list when the shared stack holds more unplaced graduates of the area than one page shows.
        var nobody = caseworker.Page.Locator("ul.campaign-unmatched li", new() { HasText = farName });
        var unmatchedPages = caseworker.Page.Locator($"nav[aria-label='{Zh("campaign.unmatchedPages")}'] a", new() { HasText = Zh("campaign.next") });
        // Each "next" is followed to the page it names (SubmitAsync returns once that page has loaded), so every count is
        // read on a page that has fully loaded; the walk ends at the name or at the list's last page, which has no "next".
        while (await nobody.CountAsync() == 0 && await unmatchedPages.CountAsync() == 1)
        {
            await caseworker.SubmitAsync(unmatchedPages);
        }
        await Assertions.Expect(nobody).ToHaveCountAsync(1);
        await Assertions.Expect(nobody).ToContainTextAsync(Zh("unmatchedReason.noPostingWithinReach"));
        await Assertions.Expect(nobody).ToContainTextAsync("呼和浩特市武川县");
        await caseworker.CheckBothAsync("campaign-per-seeker");
        await person.Locator("tr", new() { HasText = title }).Locator("input[name=resultIds]").CheckAsync();
        await caseworker.SubmitAsync(Zh("campaign.send"));
        Assert.Contains(Zh("campaign.sent"), await caseworker.TextAsync(), StringComparison.Ordinal);
        person = caseworker.Page.Locator("section.campaign-seeker", new() { HasText = graduateName });
        await Assertions.Expect(person.Locator("tr", new() { HasText = title })).ToContainTextAsync(Zh("resultOutcome.none"));
        await caseworker.GotoAsync(new Uri(caseworker.Page.Url).PathAndQuery + "&lang=en");
        await Assertions.Expect(caseworker.Page.Locator("section.campaign-seeker", new() { HasText = graduateName }).Locator("tr", new() { HasText = title }))
            .ToContainTextAsync(En("resultOutcome.none"));
        await Assertions.Expect(caseworker.Page.Locator("ul.campaign-unmatched li", new() { HasText = farName }))
            .ToContainTextAsync(En("unmatchedReason.noPostingWithinReach"));
        await caseworker.CheckBothAsync("campaign-per-seeker-en");
        await caseworker.GotoAsync("/Caseworker/Campaigns?lang=zh");
    }
}
