using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>A job seeker, in Chromium, through the gateway: register, profile, search, apply, recommendations, notifications, privacy.</summary>
[Collection(PortalCollection.Name)]
public sealed class SeekerJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task A_seeker_registers_builds_a_profile_searches_applies_follows_recommendations_and_deletes_their_data()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var skill = "挤奶-" + tag;
        var title = $"牧场挤奶工 {tag}";
        var (postingId, status) = await stack.PostingAsync(title, "锡林郭勒牧场招聘挤奶工，包食宿。", [skill, "仓库管理"], regionCode: "150102");
        Assert.Equal("published", status);

        await using var seeker = await OpenAsync(stack, "seeker");
        await seeker.GotoAsync("/");
        var home = await seeker.CheckAsync("home");
        Assert.True(home.Bytes < 150_000, $"The first page weighs {home.Bytes} bytes.");
        Assert.Equal("zh-CN", await seeker.Page.GetAttributeAsync("html", "lang"));

        // Register: the gateway's development issuer creates the seeker and the portal signs them in.
        await seeker.SubmitAsync(seeker.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Zh("home.register") }));
        await seeker.CheckAsync("register");
        await seeker.FillAsync(("displayName", "巴特尔"), ("username", "bater-" + tag), ("password", "grassland-2026"));
        await seeker.SubmitAsync(Zh("register.submit"));
        Assert.EndsWith("/Seeker/Profile", seeker.Page.Url, StringComparison.Ordinal);
        Assert.Contains(Zh("register.done"), await seeker.TextAsync(), StringComparison.Ordinal);
        await seeker.CheckAsync("profile-new");

        // The profile API's problem details are shown beside the fields they name.
        await seeker.FillAsync(("name", "巴特尔"), ("phone", "12345"), ("regionCode", "150105"), ("latitude", "40.8080"), ("longitude", "111.6840"),
            ("maxCommuteKm", "30"), ("skills", $"{skill}, 电焊"), ("salaryExpectation", "5000"));
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.NotEmpty(await seeker.FieldErrorAsync("phone"));
        Assert.Equal("true", await seeker.Field("phone").GetAttributeAsync("aria-invalid"));
        await seeker.CheckAsync("profile-field-error");
        await seeker.FillAsync(("phone", "13904711234"));
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Equal($"{skill}, 电焊", await seeker.Field("skills").InputValueAsync());
        await seeker.CheckAsync("profile-saved");

        // Name suggestions from the matching service's taxonomy: type part of a name, look it up (a form post, no
        // script), and the fields' datalists offer the taxonomy's words, Chinese first with the English beside them.
        await seeker.FillAsync(("newSkill", "叉车"));
        await seeker.SubmitAsync(Zh("profile.suggest"));
        await Assertions.Expect(seeker.Page.Locator("#occupation-suggestions option[value='叉车司机']")).ToHaveTextAsync("forklift operator");
        await Assertions.Expect(seeker.Page.Locator("#occupation-suggestions-text")).ToContainTextAsync("叉车司机");
        Assert.True(await seeker.Page.Locator("#skill-suggestions option[value*='叉车']").CountAsync() > 0, "No skill suggestion names 叉车.");
        Assert.Equal("叉车", await seeker.Field("newSkill").InputValueAsync());
        Assert.Equal($"{skill}, 电焊", await seeker.Field("skills").InputValueAsync());
        await seeker.CheckAsync("profile-suggestions");
        // The suggestion picked is saved with the profile.
        await seeker.FillAsync(("newSkill", ""), ("newOccupation", "叉车司机"));
        await seeker.SubmitAsync(Zh("profile.save"));
        Assert.Contains(Zh("profile.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("叉车司机", await seeker.Field("desiredOccupations").InputValueAsync());

        // Search by words near home, within a radius; the hit shows its distance.
        await seeker.GotoAsync($"/Seeker/Search?q={tag}&lat=40.8080&lng=111.6840&radiusKm=50");
        var card = seeker.Page.Locator("article.card", new() { HasText = title });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        Assert.Matches(new Regex(@"\d+(\.\d)? 公里"), await card.InnerTextAsync());
        await seeker.CheckAsync("search");
        var saveSearch = seeker.Page.GetByRole(AriaRole.Button, new() { Name = Zh("search.save") });
        if (await saveSearch.CountAsync() > 0)
        {
            await seeker.FillAsync(("saveName", "挤奶工"));
            await seeker.SubmitAsync(saveSearch);
            Assert.Contains(Zh("search.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(seeker.Page.GetByRole(AriaRole.Link, new() { Name = "挤奶工" })).ToHaveCountAsync(1);
            await seeker.CheckAsync("search-saved");
        }

        // Apply from the search, then follow the application.
        await card.Locator("textarea").FillAsync("有三年挤奶经验。");
        await seeker.SubmitAsync(card.GetByRole(AriaRole.Button, new() { Name = Zh("search.apply") }));
        Assert.Contains(Zh("search.applied"), await seeker.TextAsync(), StringComparison.Ordinal);
        await seeker.GotoAsync("/Seeker/Applications");
        var row = seeker.Page.Locator("tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync(Zh("applicationStatus.submitted"));
        await seeker.CheckAsync("applications");

        // Matching recommends the posting with its explanation: the skill they have and the one they lack.
        var recommendation = seeker.Page.Locator("article.card", new() { HasText = title });
        await Eventually.GetAsync(async () =>
        {
            await seeker.GotoAsync("/Seeker/Recommendations");
            return await recommendation.CountAsync();
        }, count => count == 1, "the posting among the recommendations page's cards");
        Assert.Contains(skill, await recommendation.Locator("dl.explain").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(recommendation.Locator(".tag.missing")).ToHaveTextAsync("仓库管理");
        await seeker.CheckAsync("recommendations");

        // The same page in English, chosen with ?lang=en and remembered by a cookie.
        await seeker.GotoAsync("/Seeker/Recommendations?lang=en");
        Assert.Equal("en", await seeker.Page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(seeker.Page.Locator("h1")).ToHaveTextAsync(En("recommendations.title"));
        await seeker.CheckAsync("recommendations-en");
        await seeker.GotoAsync("/Seeker/Applications");
        await Assertions.Expect(seeker.Page.Locator("h1")).ToHaveTextAsync(En("applications.title"));
        await seeker.GotoAsync("/Seeker/Applications?lang=zh");

        // The in-app notification of the new match, marked read.
        var unread = seeker.Page.GetByRole(AriaRole.Button, new() { Name = Zh("notifications.markRead") });
        await Eventually.GetAsync(async () =>
        {
            await seeker.GotoAsync("/Seeker/Notifications");
            return await unread.CountAsync();
        }, count => count > 0, "a notification on the notifications page");
        await seeker.CheckAsync("notifications");
        var before = await unread.CountAsync();
        await seeker.SubmitAsync(unread.First);
        Assert.Contains(Zh("notifications.marked"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before - 1, await unread.CountAsync());

        // Consents, the export, and deleting the account.
        await seeker.GotoAsync("/Seeker/Privacy");
        await seeker.CheckAsync("privacy");
        var sharing = seeker.Page.Locator("form.card", new() { HasText = Zh("consent.employer-sharing") });
        await Assertions.Expect(sharing).ToContainTextAsync(Zh("privacy.notGranted"));
        await seeker.SubmitAsync(sharing.GetByRole(AriaRole.Button, new() { Name = Zh("privacy.grant") }));
        Assert.Contains(Zh("privacy.consentSaved"), await seeker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(seeker.Page.Locator("form.card", new() { HasText = Zh("consent.employer-sharing") })).ToContainTextAsync(Zh("privacy.granted"));
        var download = await seeker.Page.RunAndWaitForDownloadAsync(() => seeker.Page.GetByRole(AriaRole.Link, new() { Name = Zh("privacy.download") }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("巴特尔", exported, StringComparison.Ordinal);
        Assert.Contains("13904711234", exported, StringComparison.Ordinal);
        await seeker.SubmitAsync(Zh("privacy.deleteButton"));
        Assert.NotEmpty(await seeker.FieldErrorAsync("confirm"));
        await seeker.Page.Locator("#confirm").CheckAsync();
        await seeker.SubmitAsync(Zh("privacy.deleteButton"));
        Assert.Equal("/?deleted=1", new Uri(seeker.Page.Url).PathAndQuery);
        await Assertions.Expect(seeker.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = Zh("nav.signIn") })).ToHaveCountAsync(1);
        Assert.NotEqual(Guid.Empty, postingId);
    }
}
