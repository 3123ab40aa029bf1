using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// A job seeker with no technical knowledge, in Chromium, through the gateway, on a phone and at a desk, in Chinese
/// and in English: finds a job without an account by place name and distance, opens and shares its page, registers
/// with consent, writes a profile with places and occupations by name, applies, follows the application, acts on a
/// recommendation, exports their data and deletes the account — after which signing in fails and the old token is
/// refused. Every checkpoint: axe, no overflow, and no code, GUID, UTC time or English sentence on a Chinese page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class SeekerJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task A_seeker_finds_a_job_by_place_registers_applies_follows_it_acts_on_a_recommendation_and_deletes_the_account()
    {
        var tag = PortalStack.SearchTag();
        var skill = "挤奶-" + tag;
        var title = $"牧场挤奶工 {tag}";
        var nearby = $"叉车司机 {tag}";
        // 赛罕区 (its seat 40.80, 111.68) and 新城区 a few kilometres away.
        Assert.Equal("published", (await stack.PostingAsync(title, "牧场招聘挤奶工，包食宿。\n每天两班。", [skill, "仓库管理"], "150105", 40.80, 111.68)).Status);
        Assert.Equal("published", (await stack.PostingAsync(nearby, "仓库叉车作业，持证优先。", [skill, "叉车驾驶"], "150102", 40.83, 111.73)).Status);

        // ---- On a phone, without an account: find the job by typing the place's name and a distance. ----
        await using var seeker = await OpenAsync(stack, "seeker", seekerChecks: true, width: Phone);
        await seeker.GotoAsync("/");
        var home = await seeker.CheckAsync("home");
        Assert.True(home.Bytes < 150_000, $"The first page weighs {home.Bytes} bytes.");
        await seeker.SubmitAsync(seeker.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Zh("home.browse") }));
        Assert.EndsWith("/Jobs", seeker.Page.Url, StringComparison.Ordinal);
        await seeker.FillAsync(("q", tag), ("place-name", "赛罕区"), ("radiusKm", "30里"), ("salary", "5000-6000"));
        await seeker.SubmitAsync(Zh("search.submit"));
        // Validate, never drop: "30里" is refused beside its field, and everything typed is still there.
        Assert.Equal(Zh("input.km"), await seeker.FieldErrorAsync("radiusKm"));
        Assert.Equal("30里", await seeker.Field("radiusKm").InputValueAsync());
        Assert.Equal("5000-6000", await seeker.Field("salary").InputValueAsync());
        await seeker.CheckAsync("search-refused");
        await seeker.FillAsync(("radiusKm", "30公里"));
        await seeker.SubmitAsync(Zh("search.submit"));
        // The typed name is understood: the lists now show 呼和浩特市 / 赛罕区.
        Assert.Equal("150100", await seeker.Field("place-league").InputValueAsync());
        Assert.Equal("150105", await seeker.Field("place-county").InputValueAsync());
        await Assertions.Expect(seeker.Page.Locator("#results")).ToContainTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh("search.total"), 2));
        var card = seeker.Page.Locator("article.card", new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("呼和浩特市赛罕区");
        await Assertions.Expect(card).ToContainTextAsync("呼和浩特乳业（演示）");
        Assert.Matches(KmPattern(), await card.InnerTextAsync());
        await seeker.CheckBothAsync("search");

        // The job's own page, to share: employer, place, pay, dates in Beijing time, the link.
        await seeker.SubmitAsync(card.GetByRole(AriaRole.Link, new() { Name = title }));
        var jobUrl = seeker.Page.Url;
        Assert.Matches(JobPath(), new Uri(jobUrl).AbsolutePath);
        Assert.Equal(jobUrl, await seeker.Field("share-link").InputValueAsync());
        await Assertions.Expect(seeker.Page.Locator("dl.facts")).ToContainTextAsync("4500–6500 元/月");
        await Assertions.Expect(seeker.Page.Locator("dl.facts time")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(seeker.Page.GetByRole(AriaRole.Button, new() { Name = Zh("jobs.shareButton") })).ToBeVisibleAsync();
        await seeker.CheckBothAsync("job");

        // ---- At a desk: register, answering the consent questions (nothing is ticked for them). ----
        await seeker.ResizeAsync(Desktop);
        await seeker.SubmitAsync(seeker.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Zh("home.register") }));
        Assert.False(await seeker.Field("consent-matching").IsCheckedAsync());
        await seeker.CheckAsync("register");
        var username = "bater-" + tag;
        await seeker.FillAsync(("displayName", "巴特尔"), ("username", username), ("password", "grassland-2026"));
        await seeker.Page.Locator("#consent-matching").CheckAsync();
        await seeker.Page.Locator("#consent-employer-sharing").CheckAsync();
        await seeker.SubmitAsync(Zh("register.submit"));
        Assert.EndsWith("/Seeker/Profile", seeker.Page.Url, StringComparison.Ordinal);
        Assert.Contains(Zh("register.done"), await seeker.TextAsync(), StringComparison.Ordinal);
        await seeker.CheckAsync("profile-new");

        // The profile: home picked from the lists (the second follows the first), figures as people write them.
        await seeker.Page.Locator("#home-league").SelectOptionAsync("150100");
        await Assertions.Expect(seeker.Page.Locator("#home-county option[value='150105']")).ToHaveCountAsync(1);
        await seeker.Page.Locator("#home-county").SelectOptionAsync("150105");
        await seeker.FillAsync(("name", "巴特尔"), ("phone", "12345"), ("maxCommuteKm", "30公里"), ("skills", $"{skill}, 电焊"),
            ("salaryExpectation", "5000-6000"));
        await seeker.SubmitAsync(Zh("profile.save"));
        // A range is not the one amount hoped for: refused beside the field, nothing saved, nothing emptied.
        Assert.Equal(Zh("input.oneAmount"), await seeker.FieldErrorAsync("salaryExpectation"));
        Assert.Equal("30公里", await seeker.Field("maxCommuteKm").InputValueAsync());
        await seeker.FillAsync(("salaryExpectation", "5千"));
        await seeker.SubmitAsync(Zh("profile.save"));
        // The profile service's own message, in Chinese, beside the phone.
        Assert.Equal("手机号码为 11 位大陆手机号，例如 13800138000。", await seeker.FieldErrorAsync("phone"));
        Assert.Equal("true", await seeker.Field("phone").GetAttributeAsync("aria-invalid"));
        await seeker.CheckAsync("profile-field-error");
        await seeker.FillAsync(("phone", "13904711234"));
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(("150105", "30", "5000"), (await seeker.Field("home-county").InputValueAsync(), await seeker.Field("maxCommuteKm").InputValueAsync(),
            await seeker.Field("salaryExpectation").InputValueAsync()));

        // Occupations by name: look up 叉车 and pick the taxonomy's 叉车司机 (the English name beside it).
        await seeker.FillAsync(("newOccupation", "叉车"));
        await seeker.SubmitAsync(Zh("profile.suggest"));
        await Assertions.Expect(seeker.Page.Locator("#occupation-suggestions option[value='叉车司机']")).ToHaveTextAsync("forklift operator");
        await seeker.CheckAsync("profile-suggestions");
        await seeker.FillAsync(("newOccupation", "叉车司机"));
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("叉车司机", await seeker.Field("desiredOccupations").InputValueAsync());
        await seeker.CheckAsync("profile-saved");

        // ---- On the phone again, signed in: apply on the job's page, then follow the application. ----
        await seeker.ResizeAsync(Phone);
        await seeker.GotoAsync(new Uri(jobUrl).PathAndQuery);
        await seeker.FillAsync(("coverNote", "有三年挤奶经验。"));
        await seeker.SubmitAsync(Zh("search.apply"));
        Assert.Contains(Zh("search.applied"), await seeker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(seeker.Page.Locator("section.apply")).ToContainTextAsync(Zh("applicationStatus.submitted"));
        await seeker.CheckAsync("job-applied");
        await seeker.GotoAsync("/Seeker/Applications");
        await Assertions.Expect(seeker.Page.Locator("tr", new() { HasText = title })).ToContainTextAsync(Zh("applicationStatus.submitted"));
        await seeker.CheckBothAsync("applications");

        // A recommendation in plain words: the skill held, the one to learn, the distance; no score.
        var recommendation = seeker.Page.Locator("article.card", new() { HasText = nearby });
        await Eventually.GetAsync(async () =>
        {
            await seeker.GotoAsync("/Seeker/Recommendations");
            return await recommendation.CountAsync();
        }, count => count == 1, "the nearby posting among the recommendations");
        var reasons = await recommendation.Locator("ul.reasons").InnerTextAsync();
        Assert.Contains(Zh("reason.have") + " " + skill, reasons.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("叉车驾驶", await recommendation.Locator(".tag.missing").AllInnerTextsAsync());
        Assert.Matches(ReasonDistance(), reasons);
        await Assertions.Expect(recommendation.Locator("details.staff")).ToHaveCountAsync(0);
        await seeker.CheckAsync("recommendations");
        await seeker.SubmitAsync(recommendation.GetByRole(AriaRole.Button, new() { Name = $"{Zh("search.apply")}: {nearby}" }));
        Assert.Contains(Zh("search.applied"), await seeker.TextAsync(), StringComparison.Ordinal);

        // ---- In English (chosen once, remembered): the same pages, places and reasons in English. ----
        await seeker.GotoAsync("/Seeker/Recommendations?lang=en");
        Assert.Equal("en", await seeker.Page.GetAttributeAsync("html", "lang"));
        var english = seeker.Page.Locator("article.card", new() { HasText = nearby });
        await Assertions.Expect(english).ToContainTextAsync("Xincheng District, Hohhot");
        await Assertions.Expect(english.Locator("ul.reasons")).ToContainTextAsync(En("reason.have"));
        await seeker.CheckBothAsync("recommendations-en");
        await seeker.GotoAsync("/Seeker/Applications");
        await Assertions.Expect(seeker.Page.Locator("tr", new() { HasText = nearby })).ToContainTextAsync(En("applicationStatus.submitted"));
        await seeker.CheckAsync("applications-en");
        await seeker.GotoAsync($"/Jobs?q={tag}&place.Name=Saihan%20District&radiusKm=30");
        await Assertions.Expect(seeker.Page.Locator("#results")).ToContainTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, En("search.total"), 2));
        await Assertions.Expect(seeker.Page.Locator("article.card", new() { HasText = title })).ToContainTextAsync("Saihan District, Hohhot");
        await seeker.CheckAsync("search-en");
        await seeker.GotoAsync("/Seeker/Privacy?lang=zh");

        // ---- Privacy: the consents given at registration, a readable export with the applications. ----
        await seeker.ResizeAsync(Desktop);
        await Assertions.Expect(seeker.Page.Locator("form.card", new() { HasText = Zh("consent.matching") })).ToContainTextAsync(Zh("privacy.granted"));
        await Assertions.Expect(seeker.Page.Locator("form.card", new() { HasText = Zh("consent.caseworker-contact") })).ToContainTextAsync(Zh("privacy.notGranted"));
        await seeker.CheckAsync("privacy");
        await seeker.SubmitAsync(seeker.Page.GetByRole(AriaRole.Link, new() { Name = Zh("privacy.view") }));
        var export = await seeker.TextAsync();
        foreach (var expected in new[] { "巴特尔", "13904711234", "呼和浩特市赛罕区", title, nearby, "有三年挤奶经验。" })
            Assert.Contains(expected, export, StringComparison.Ordinal);
        await seeker.CheckAsync("export");
        await seeker.GotoAsync("/Seeker/Privacy");
        var download = await seeker.Page.RunAndWaitForDownloadAsync(() => seeker.Page.GetByRole(AriaRole.Link, new() { Name = Zh("privacy.download") }).ClickAsync());
        Assert.Contains(title, await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);

        // ---- Deleting the account: confirmed, told what went; the login and its token no longer work. ----
        var (oldToken, _) = await stack.SignInAsync(username, "grassland-2026");
        using (oldToken)
        {
            await seeker.SubmitAsync(Zh("privacy.deleteButton"));
            Assert.Equal(Zh("privacy.confirmNeeded"), await seeker.FieldErrorAsync("confirm"));
            await seeker.Page.Locator("#confirm").CheckAsync();
            await seeker.SubmitAsync(Zh("privacy.deleteButton"));
            Assert.EndsWith("/Account/Deleted", seeker.Page.Url, StringComparison.Ordinal);
            var deleted = await seeker.TextAsync();
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh("deleted.applications"), 2), deleted, StringComparison.Ordinal);
            Assert.Contains(Zh("deleted.login"), deleted, StringComparison.Ordinal);
            await seeker.CheckBothAsync("deleted");
            using var refused = await oldToken.GetAsync(new Uri("api/profiles/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await seeker.GotoAsync("/Account/SignIn");
        await seeker.FillAsync(("username", username), ("password", "grassland-2026"));
        await seeker.SubmitAsync(Zh("signIn.submit"));
        await Assertions.Expect(seeker.Page.Locator(".problem")).ToContainTextAsync("用户名不存在或密码错误。");
        await seeker.CheckAsync("sign-in-after-deletion");
        // The employer no longer sees the deleted seeker's application.
        var (employer, _) = await stack.SignInAsync("employer");
        using (employer)
        {
            var postingId = new Uri(jobUrl).AbsolutePath.Split('/')[^1];
            await Eventually.GetAsync(async () => (await stack.SendAsync(employer, HttpMethod.Get, $"api/postings/{postingId}/applications"))["items"]!.AsArray().Count,
                count => count == 0, "the deleted seeker's application gone from the employer's list");
        }
    }

    [GeneratedRegex(@"\d+(\.\d)? 公里")]
    private static partial Regex KmPattern();

    [GeneratedRegex(@"^/Jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobPath();

    [GeneratedRegex(@"离您约 \d+(\.\d)? 公里")]
    private static partial Regex ReasonDistance();
}
