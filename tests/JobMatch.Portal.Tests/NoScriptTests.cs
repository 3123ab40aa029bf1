using JobMatch.Testing;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>With JavaScript switched off every form still works: the place picker posts back to list a league's counties.</summary>
[Collection(PortalCollection.Name)]
public sealed class NoScriptTests(PortalStack stack)
{
    [Fact]
    public async Task With_javascript_off_a_seeker_signs_in_picks_a_place_from_both_lists_switches_language_and_gets_name_suggestions()
    {
        await using var visitor = await OpenAsync(stack, "no-script", javaScript: false);
        await visitor.GotoAsync("/Account/SignIn?returnUrl=%2FJobs");
        Assert.Equal(0, await visitor.Page.Locator("script").CountAsync());
        await visitor.FillAsync(("username", "seeker"), ("password", PortalStack.DemoPassword));
        await visitor.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Jobs", visitor.Page.Url, StringComparison.Ordinal);
        // The league first; "list" brings back the page with that league's banners, counties and districts.
        await visitor.FillAsync(("q", "叉车"));
        await visitor.Page.Locator("#place-league").SelectOptionAsync("150200");
        await Assertions.Expect(visitor.Page.Locator("#place-county option")).ToHaveCountAsync(1);
        await visitor.SubmitAsync(Zh("place.list"));
        await Assertions.Expect(visitor.Page.Locator("#place-county option[value='150207']")).ToHaveTextAsync("九原区");
        Assert.Equal("叉车", await visitor.Field("q").InputValueAsync());
        await visitor.Page.Locator("#place-county").SelectOptionAsync("150207");
        await visitor.SubmitAsync(Zh("search.submit"));
        Assert.Contains("place.County=150207", visitor.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(visitor.Page.Locator("#results")).ToBeVisibleAsync();
        await visitor.CheckAsync("search");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = "English" }));
        Assert.Equal("en", await visitor.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("叉车", await visitor.Field("q").InputValueAsync());
        await Assertions.Expect(visitor.Page.Locator("#place-county option[value='150207']")).ToHaveTextAsync("Jiuyuan District");
        // Skill and occupation names are suggested by a form post too, here in English (the Chinese name beside it).
        await visitor.GotoAsync("/Seeker/Profile");
        await visitor.FillAsync(("newOccupation", "forklift"));
        await visitor.SubmitAsync(En("profile.suggest"));
        await Assertions.Expect(visitor.Page.Locator("#occupation-suggestions option[value='forklift operator']")).ToHaveTextAsync("叉车司机");
        await visitor.CheckAsync("profile-suggestions-en");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = En("nav.signOut") }));
        await Assertions.Expect(visitor.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = En("nav.signIn") })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Without_javascript_a_visitor_narrows_the_job_board_to_an_occupation_group_of_the_national_classification_chosen_by_name()
    {
        var tag = PortalStack.SearchTag();
        var (employer, _) = await stack.SignInAsync("employer");
        using (employer)
        {
            foreach (var (title, code) in new[] { ($"货车司机 {tag}", "4-02-02-02"), ($"起重机司机 {tag}", "6-30-05-01") })
            {
                var created = await stack.SendAsync(employer, HttpMethod.Post, "api/postings", new
                {
                    title, description = "岗位职责见面谈。", skills = new[] { "安全生产" }, regionCode = "150203", salaryMin = 6000, salaryMax = 8000,
                    nationalOccupationCode = code, // Baotou: not the area the monitoring journey counts
                });
                Assert.Equal("published", (await stack.SendAsync(employer, HttpMethod.Post, $"api/postings/{created["id"]}/publish"))["status"]!.GetValue<string>());
            }
        }

        await using var visitor = await OpenAsync(stack, "no-script-national", javaScript: false);
        await visitor.GotoAsync($"/Jobs?q={tag}");
        await Assertions.Expect(visitor.Page.Locator("article.card")).ToHaveCountAsync(2);
        // The 大类 facet names the groups the results fall in.
        await Assertions.Expect(visitor.Page.Locator("p.meta .tag", new() { HasText = "生产制造及有关人员" })).ToHaveCountAsync(1);
        await visitor.Page.Locator("details.more summary").ClickAsync();
        await visitor.Page.Locator("#nationalOccupation").SelectOptionAsync(new SelectOptionValue { Label = "交通运输、仓储物流和邮政业服务人员" });
        await visitor.SubmitAsync(Zh("search.submit"));

        Assert.Contains("nationalOccupation=4-02", visitor.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(visitor.Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Page.Locator("article.card")).ToContainTextAsync($"货车司机 {tag}");
        Assert.Equal("4-02", await visitor.Field("nationalOccupation").InputValueAsync());
        await visitor.CheckBothAsync("search-national");
        // The posting's own page names its 细类 and leads to the postings of its 中类.
        await visitor.SubmitAsync(visitor.Page.Locator("article.card").GetByRole(AriaRole.Link, new() { Name = $"货车司机 {tag}" }));
        await Assertions.Expect(visitor.Page.Locator("#national-occupation")).ToContainTextAsync("道路货运汽车驾驶员");
        await visitor.SubmitAsync(visitor.Page.Locator("#national-occupation").GetByRole(AriaRole.Link, new() { Name = Zh("jobs.similar") }));
        Assert.Contains("nationalOccupation=4-02", visitor.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_an_employer_finds_and_picks_the_national_occupation_by_name_and_sees_what_the_title_derives()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var employer = await OpenPostingFormAsync("no-script-picker");
        await Assertions.Expect(employer.Page.Locator("#national-derived")).ToHaveTextAsync(Zh("national.derived"));

        // "Find" brings the form back as typed, the list filled with what the name finds, and what the title would give.
        await employer.FillAsync(("title", $"货车司机 {tag}"), ("national-typed", "焊工"), ("place-name", "新城区"));
        await employer.SubmitAsync(Zh("national.find"));
        Assert.Equal($"货车司机 {tag}", await employer.Field("title").InputValueAsync());
        await Assertions.Expect(employer.Page.Locator("#national-code option[value='6-18-02-04']")).ToHaveTextAsync("焊工");
        await Assertions.Expect(employer.Page.Locator("#national-derived")).ToContainTextAsync("道路货运汽车驾驶员");
        await employer.CheckBothAsync("posting-national-picker");

        await employer.Page.Locator("#national-code").SelectOptionAsync("6-18-02-04");
        await employer.SubmitAsync(Zh("posting.save"));
        Assert.Contains(Zh("posting.saved"), await employer.TextAsync(), StringComparison.Ordinal);
        // Saved with the 细类 picked, shown by name and kept in the list.
        Assert.Equal("6-18-02-04", await employer.Field("national-code").InputValueAsync());
        await Assertions.Expect(employer.Page.Locator("#national-derived")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_national_occupation_the_service_derived_is_shown_as_derived_and_follows_a_new_title_until_one_is_chosen()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var employer = await OpenPostingFormAsync("no-script-derived");

        await employer.FillAsync(("title", $"货车司机 {tag}"), ("place-name", "新城区"));
        await employer.SubmitAsync(Zh("posting.save"));
        Assert.Contains(Zh("posting.saved"), await employer.TextAsync(), StringComparison.Ordinal);
        // Reopened, the saved code is shown as derived from the title, not as the employer's choice.
        var derivedSaved = Zh("national.derivedSaved");
        await Assertions.Expect(employer.Page.Locator("#national-derived")).ToContainTextAsync(derivedSaved[..derivedSaved.IndexOf("{0}", StringComparison.Ordinal)] + "道路货运汽车驾驶员");
        Assert.Equal("", await employer.Field("national-code").InputValueAsync());
        await employer.CheckBothAsync("posting-national-derived");

        // A new title derives it again.
        await employer.FillAsync(("title", $"焊工 {tag}"));
        await employer.SubmitAsync(Zh("posting.save"));
        await Assertions.Expect(employer.Page.Locator("#national-derived")).ToContainTextAsync("焊工");
        Assert.Equal("", await employer.Field("national-code").InputValueAsync());
    }

    [Fact]
    public async Task A_seekers_national_occupation_the_service_derived_is_shown_as_derived_and_follows_the_occupations_sought()
    {
        var (client, _, username) = await stack.RegisterSeekerAsync();
        using (client)
        {
            await stack.SendAsync(client, HttpMethod.Put, "api/profiles/me", new
            {
                name = "测试求职者", regionCode = "150102", latitude = 40.81, longitude = 111.66, desiredOccupations = new[] { "货运司机" },
            });
        }
        await using var seeker = await OpenAsync(stack, "no-script-profile-derived", javaScript: false);
        await seeker.GotoAsync("/Account/SignIn?returnUrl=%2FSeeker%2FProfile");
        await seeker.FillAsync(("username", username), ("password", PortalStack.DemoPassword));
        await seeker.SubmitAsync(Zh("signIn.submit"));

        var derivedSaved = Zh("national.profileDerivedSaved");
        var shownAs = derivedSaved[..derivedSaved.IndexOf("{0}", StringComparison.Ordinal)];
        await Assertions.Expect(seeker.Page.Locator("#national-derived")).ToContainTextAsync(shownAs + "道路货运汽车驾驶员");
        Assert.Equal("", await seeker.Field("national-code").InputValueAsync());

        await seeker.FillAsync(("desiredOccupations", "焊工"));
        await seeker.SubmitAsync(Zh("profile.save"));
        await Assertions.Expect(seeker.Page.Locator("#national-derived")).ToContainTextAsync(shownAs + "焊工");
        Assert.Equal("", await seeker.Field("national-code").InputValueAsync());
    }

    [Fact]
    public async Task A_seeker_saves_a_search_narrowed_to_a_national_occupation_group_and_the_saved_search_keeps_it()
    {
        var name = $"运输 {Guid.NewGuid().ToString("N")[..6]}";
        await using var seeker = await OpenAsync(stack, "no-script-saved-national", javaScript: false);
        await seeker.GotoAsync("/Account/SignIn?returnUrl=%2FJobs%3FnationalOccupation%3D4-02");
        await seeker.FillAsync(("username", "seeker"), ("password", PortalStack.DemoPassword));
        await seeker.SubmitAsync(Zh("signIn.submit"));

        await seeker.FillAsync(("saveName", name));
        await seeker.SubmitAsync(Zh("search.save"));
        // Saved, and back on the same search (the redirect once named no page and failed after saving).
        Assert.Contains(Zh("search.saved"), await seeker.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("nationalOccupation=4-02", seeker.Page.Url, StringComparison.Ordinal);

        var link = seeker.Page.Locator("section.saved li a", new() { HasText = name });
        Assert.Contains("nationalOccupation=4-02", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await seeker.SubmitAsync(seeker.Page.Locator("section.saved li", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = Zh("action.delete") }));
        await Assertions.Expect(seeker.Page.Locator("section.saved li a", new() { HasText = name })).ToHaveCountAsync(0);
    }

    /// <summary>The demo employer's new-posting form, without JavaScript.</summary>
    private async Task<Visitor> OpenPostingFormAsync(string journey)
    {
        var employer = await OpenAsync(stack, journey, javaScript: false);
        await employer.GotoAsync("/Account/SignIn?returnUrl=%2FEmployer%2FPosting");
        await employer.FillAsync(("username", "employer"), ("password", PortalStack.DemoPassword));
        await employer.SubmitAsync(Zh("signIn.submit"));
        await employer.GotoAsync("/Employer/Posting");
        return employer;
    }

    [Fact]
    public async Task Without_javascript_a_seeker_reads_the_notice_of_an_employers_decision_and_marks_it_read()
    {
        var title = $"仓库保管员 {PortalStack.SearchTag()}";
        var (postingId, _) = await stack.PostingAsync(title, "负责仓库物资的收发与盘点。", ["仓库管理"]);
        var (seekerApi, _, username) = await stack.RegisterSeekerAsync();
        var (employer, _) = await stack.SignInAsync("employer");
        using (seekerApi)
        using (employer)
        {
            var application = await stack.SendAsync(seekerApi, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = (string?)null });
            await stack.SendAsync(employer, HttpMethod.Post, $"api/applications/{application["id"]}/status", new { status = "viewed" });
            await Eventually.GetAsync(() => stack.SendAsync(seekerApi, HttpMethod.Get, "api/notifications"), answer => answer["items"]!.AsArray().Count > 0,
                "the notice of the application being viewed");
        }

        await using var seeker = await OpenAsync(stack, "no-script-notifications", javaScript: false, seekerChecks: true);
        await seeker.GotoAsync("/Account/SignIn?returnUrl=%2FSeeker%2FNotifications");
        await seeker.FillAsync(("username", username), ("password", PortalStack.DemoPassword));
        await seeker.SubmitAsync(Zh("signIn.submit"));
        // A new seeker: this is their one notice (a status notice names the status, not the job).
        var notice = seeker.Page.Locator("article.card");
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice.Locator(".tag")).ToHaveTextAsync(Zh("notifications.unread"));
        await seeker.CheckAsync("notifications");

        await seeker.SubmitAsync(notice.GetByRole(AriaRole.Button, new() { Name = Zh("notifications.markRead") }));
        Assert.Contains(Zh("notifications.marked"), await seeker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(seeker.Page.Locator("article.card .tag")).ToHaveCountAsync(0);
    }
}
