using System.Globalization;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// A caseworker of Hohhot finds a veteran in the register by name, verifies the key group and records a follow-up
/// visit — in Chinese and in English, at a phone's and a desktop's width, with no id or code on screen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseworkerRegisterJourneyTests(PortalStack stack)
{
    /// <summary>A name of this run's own, so the register's exact-name search finds this veteran alone.</summary>
    private static string UniqueName()
    {
        const string syllables = "巴特尔苏和朝鲁乌力吉额尔敦宝音图那顺孟和";
        var name = new char[3];
        for (var i = 0; i < name.Length; i++) name[i] = syllables[Random.Shared.Next(syllables.Length)];
        return "巴图" + new string(name);
    }

    [Fact]
    public async Task A_caseworker_finds_a_veteran_by_name_verifies_the_key_group_and_records_a_follow_up_in_both_languages()
    {
        var name = UniqueName();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (postingId, status) = await stack.PostingAsync($"叉车司机 {tag}", "负责仓库叉车作业，持证上岗。", ["叉车"], regionCode: "150102");
        Assert.Equal("published", status);
        var (seeker, seekerId, _) = await stack.RegisterSeekerAsync();
        using (seeker)
        {
            await stack.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
            {
                name, skills = new[] { "叉车" }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
                veteran = new { dischargeDate = DateTime.UtcNow.AddMonths(-8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), branch = "陆军", militaryOccupation = "驾驶员" },
            });
            await stack.SendAsync(seeker, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = "退役军人，有驾驶经验。" });
        }

        await using var caseworker = await OpenAsync(stack, "caseworker-register", seekerChecks: true);
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));

        // The register: a reason first (the list is an audited read), then the name as the caseworker heard it.
        await caseworker.GotoAsync("/Caseworker/Seekers");
        await caseworker.CheckBothAsync("register-empty");
        await caseworker.FillAsync(("reason", "退役军人就业回访"), ("name", name));
        await caseworker.Page.Locator("#keyGroup").SelectOptionAsync("veteran");
        await caseworker.SubmitAsync(Zh("seekers.search"));
        var row = caseworker.Page.Locator("#register tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("呼和浩特市新城区");
        await Assertions.Expect(row).ToContainTextAsync(Zh("keyGroup.veteran"));
        await Assertions.Expect(row).ToContainTextAsync(Zh("seekers.verifiedNo"));
        await caseworker.CheckBothAsync("register");

        // The seeker, read as a person: the veteran group with its evidence, verified with the register's reason.
        await caseworker.SubmitAsync(row.Locator("a"));
        await Assertions.Expect(caseworker.Page.Locator("h1")).ToHaveTextAsync(name);
        var group = caseworker.Page.Locator("article.key-group", new() { HasText = Zh("keyGroup.veteran") });
        await Assertions.Expect(group).ToContainTextAsync("陆军");
        await Assertions.Expect(caseworker.Page.Locator("article.key-group")).ToHaveCountAsync(1);
        await caseworker.CheckBothAsync("seeker");
        await caseworker.SubmitAsync(group.GetByRole(AriaRole.Button, new() { Name = $"{Zh("seeker.verify")}: {Zh("keyGroup.veteran")}" }));
        Assert.Contains(Zh("seeker.verified"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("article.key-group")).ToContainTextAsync(Zh("seekers.verifiedYes"));

        // A follow-up visit on the application, with the next contact date.
        var application = caseworker.Page.Locator("article.application", new() { HasText = $"叉车司机 {tag}" });
        var next = DateTime.UtcNow.AddHours(8).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await application.Locator("select[name=outcome]").SelectOptionAsync("stillSeeking");
        await application.Locator("input[name=nextContactOn]").FillAsync(next);
        await application.Locator("input[name=note]").FillAsync("仍在求职，推荐参加下周招聘会。");
        await caseworker.SubmitAsync(application.GetByRole(AriaRole.Button));
        Assert.Contains(Zh("seeker.followUpRecorded"), await caseworker.TextAsync(), StringComparison.Ordinal);
        application = caseworker.Page.Locator("article.application", new() { HasText = $"叉车司机 {tag}" });
        await Assertions.Expect(application.Locator("ul.follow-ups li")).ToHaveCountAsync(1);
        await Assertions.Expect(application.Locator("ul.follow-ups")).ToContainTextAsync(Zh("followUpOutcome.stillSeeking"));
        await Assertions.Expect(application.Locator("ul.follow-ups")).ToContainTextAsync(next);
        await caseworker.CheckBothAsync("seeker-followed-up");

        // The same pages in English: the register verified now, the visit listed.
        await caseworker.GotoAsync($"/Caseworker/Seekers?lang=en&reason={Uri.EscapeDataString("veteran follow-up round")}&name={Uri.EscapeDataString(name)}&keyGroup=veteran&verified=true");
        row = caseworker.Page.Locator("#register tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(En("keyGroup.veteran"));
        await Assertions.Expect(row).ToContainTextAsync(En("seekers.verifiedYes"));
        await caseworker.CheckBothAsync("register-en");
        await caseworker.SubmitAsync(row.Locator("a"));
        await Assertions.Expect(caseworker.Page.Locator("ul.follow-ups")).ToContainTextAsync(En("followUpOutcome.stillSeeking"));
        await caseworker.CheckBothAsync("seeker-en");
        await caseworker.GotoAsync("/Caseworker/Seekers?lang=zh");
    }
}
