using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>A caseworker of Hohhot (150100), in Chromium: dashboard, review queue, a seeker of the area, campaigns.</summary>
[Collection(PortalCollection.Name)]
public sealed class CaseworkerJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task A_caseworker_reads_the_area_dashboard_decides_a_flagged_posting_opens_a_seeker_and_runs_a_campaign()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var flaggedTitle = $"保安 {tag}";
        var (flaggedId, status) = await stack.PostingAsync(flaggedTitle, "招聘保安，限男性，身高175cm以上。", ["安保"], regionCode: "150102");
        Assert.Equal("needsReview", status);
        var (employer, _) = await stack.SignInAsync("employer");
        using (employer)
        {
            await stack.SendAsync(employer, HttpMethod.Put, $"api/vacancy-reports/{DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture)}", new
            {
                regionCode = "150102",
                lines = new[] { new { occupationName = "叉车司机", vacancies = 7, plannedHires = 5 }, new { occupationName = "电焊工", vacancies = 4, plannedHires = 4 } },
            });
        }
        var skill = "出纳-" + tag;
        Assert.Equal("published", (await stack.PostingAsync($"出纳 {tag}", "负责现金收付和银行对账。", [skill], regionCode: "150102")).Status);
        var (seeker, seekerId, _) = await stack.RegisterSeekerAsync();
        using (seeker)
        {
            await stack.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
            {
                name = "其其格", skills = new[] { skill }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
                // Left university half a year ago: a graduate, the campaign's key group.
                education = new[] { new { level = "bachelor", major = "会计学", institution = "内蒙古财经大学", graduationDate = DateTime.UtcNow.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            });
        }

        await using var caseworker = await OpenAsync(stack, "caseworker");
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Caseworker", caseworker.Page.Url, StringComparison.Ordinal);
        Assert.Equal("150100", await caseworker.Field("region").InputValueAsync());
        Assert.True(await caseworker.Page.Locator("figure.chart svg").CountAsync() >= 3);
        // Vacancies by the 职业分类大典 细类 each reported line names (叉车司机 is reported by name, no code): named as the taxonomy derives it.
        string forklift;
        var (reader, _) = await stack.SignInAsync("caseworker");
        using (reader)
        {
            var derived = await stack.SendAsync(reader, HttpMethod.Get, "api/matches/taxonomy/normalize?kind=national&derive=occupation&text=" + Uri.EscapeDataString("叉车司机"));
            forklift = derived["occupations"]!.AsArray()[0]!["name"]!.GetValue<string>();
        }
        await Assertions.Expect(caseworker.Page.Locator("figure.chart", new() { HasText = forklift })).ToHaveCountAsync(1);
        await caseworker.CheckAsync("dashboard");

        // The matching service's area figures: the seekers by key group (the graduate registered above among them) as
        // the dashboard API counts them, in the chart's table; the other charts drawn beside it.
        var (staff, _) = await stack.SignInAsync("caseworker");
        using (staff)
        {
            static List<string> Rows(JsonObject area) => area["seekersByKeyGroup"]!.AsArray()
                .Select(c => $"{Zh("keyGroup." + c!["key"]!.GetValue<string>())}|{c["count"]!.GetValue<long>()}").ToList();
            var (area, shown) = await Eventually.GetAsync(async () =>
            {
                var answer = await stack.SendAsync(staff, HttpMethod.Get, "api/matches/dashboard?regionCode=150100");
                await caseworker.GotoAsync("/Caseworker?region=150100");
                // The table sits in a closed <details>: read its cells' text content, not the rendered text.
                var rows = await caseworker.Page.Locator("#seekers-by-group-table tbody tr")
                    .EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[0].textContent + '|' + r.cells[1].textContent)");
                return (answer, rows);
            }, seen => seen.answer["seekersByKeyGroup"]!.AsArray().Any(c => c!["key"]!.GetValue<string>() == "graduate" && c["count"]!.GetValue<long>() >= 1)
                && seen.answer["seekersByCounty"]!.AsArray().Any(c => c!["key"]!.GetValue<string>() == "150102")
                && Rows(seen.answer).SequenceEqual(seen.rows),
                "the registered graduate in the area dashboard API and the same counts in the key-group chart's table");
            Assert.Equal(Rows(area), shown);
            Assert.Contains(shown, row => row.StartsWith(Zh("keyGroup.graduate") + "|", StringComparison.Ordinal) && row != Zh("keyGroup.graduate") + "|0");
            Assert.Contains(Zh("keyGroup.graduate"), await caseworker.Page.Locator("#seekers-by-group-desc").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains(Zh("dashboard.seekersByKeyGroup"), await caseworker.Page.Locator("#seekers-by-group-title").InnerTextAsync(), StringComparison.Ordinal);
            foreach (var chart in new[] { "seekers-by-group", "seekers-by-county", "open-by-county", "matches-by-week", "applications-by-week", "placements-by-week" })
                await Assertions.Expect(caseworker.Page.Locator($"svg[aria-labelledby='{chart}-title {chart}-desc'] rect.chart-bar").First).ToBeAttachedAsync();
            await Assertions.Expect(caseworker.Page.Locator("#seekers-by-county-table")).ToContainTextAsync("呼和浩特市新城区");
            await Assertions.Expect(caseworker.Page.Locator("#matches-by-week-table tbody tr")).ToHaveCountAsync(12);
            await caseworker.CheckBothAsync("dashboard-area");
            await caseworker.GotoAsync("/Caseworker?region=150100&lang=en");
            await Assertions.Expect(caseworker.Page.Locator("#seekers-by-group-title")).ToHaveTextAsync(En("dashboard.seekersByKeyGroup"));
            await Assertions.Expect(caseworker.Page.Locator("#seekers-by-group-table")).ToContainTextAsync(En("keyGroup.graduate"));
            await caseworker.CheckAsync("dashboard-en");
            await caseworker.GotoAsync("/Caseworker?region=150100&lang=zh");
        }

        // The review queue: returning needs a reason (shown beside that posting's field), approving publishes.
        await caseworker.GotoAsync("/Caseworker/Review");
        var item = caseworker.Page.Locator("article.card", new() { HasText = flaggedTitle });
        await Assertions.Expect(item.Locator(".flag", new() { HasText = "限男性" })).ToHaveCountAsync(1);
        await caseworker.CheckBothAsync("review");
        await caseworker.SubmitAsync(item.GetByRole(AriaRole.Button, new() { Name = Zh("review.return") }));
        item = caseworker.Page.Locator("article.card", new() { HasText = flaggedTitle });
        Assert.NotEmpty(await item.Locator(".field-error").InnerTextAsync());
        await caseworker.CheckAsync("review-reason-missing");
        await caseworker.SubmitAsync(item.GetByRole(AriaRole.Button, new() { Name = Zh("review.approve") }));
        Assert.Contains(Zh("review.approved"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("article.card", new() { HasText = flaggedTitle })).ToHaveCountAsync(0);
        var (check, _) = await stack.SignInAsync("caseworker");
        using (check) Assert.Equal("published", (await stack.SendAsync(check, HttpMethod.Get, $"api/postings/{flaggedId}"))["status"]!.GetValue<string>());

        // A seeker of the area, found in the register by name with a reason (audited by the profile service).
        await caseworker.GotoAsync("/Caseworker/Seekers");
        await caseworker.FillAsync(("reason", "就业援助回访"), ("name", "其其格"));
        await caseworker.SubmitAsync(Zh("seekers.search"));
        await caseworker.SubmitAsync(caseworker.Page.Locator($"#register a[href*='{seekerId}']"));
        await Assertions.Expect(caseworker.Page.Locator("h1")).ToHaveTextAsync("其其格");
        await caseworker.CheckAsync("seeker");

        // Campaigns: built against the matching service's contract; run one when the service has them.
        await caseworker.GotoAsync("/Caseworker/Campaigns");
        await caseworker.CheckAsync("campaigns");
        using var probe = (await stack.SignInAsync("caseworker")).Client;
        using var campaigns = await probe.GetAsync("api/matches/campaigns");
        if (campaigns.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Contains(Zh("campaigns.unavailable"), await caseworker.TextAsync(), StringComparison.Ordinal);
            return;
        }
        await caseworker.FillAsync(("name", $"高校毕业生专项 {tag}"));
        // The caseworker's own area (呼和浩特市) is ticked already; its districts are listed by name beside it.
        Assert.True(await caseworker.Page.GetByLabel("呼和浩特市", new() { Exact = true }).IsCheckedAsync());
        await caseworker.Page.Locator("#keyGroup").SelectOptionAsync("graduate");
        await caseworker.SubmitAsync(Zh("campaigns.run"));
        Assert.Contains("/Caseworker/Campaign", caseworker.Page.Url, StringComparison.Ordinal);
        await caseworker.CheckAsync("campaign-progress");
        // While it runs, the page reloads itself (HTTP Refresh header, no script) and shows a progress bar.
        await Eventually.GetAsync(async () =>
        {
            try
            {
                await caseworker.GotoAsync(new Uri(caseworker.Page.Url).PathAndQuery);
            }
            catch (PlaywrightException e) when (e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                return -1; // the page's own Refresh reload cancelled this navigation: still running, look again
            }
            return await caseworker.Page.Locator("progress").CountAsync();
        }, count => count == 0, "the campaign page to show the finished campaign");
        await Assertions.Expect(caseworker.Page.Locator("main dl.explain").First).ToContainTextAsync(Zh("campaignStatus.completed"));
        var send = caseworker.Page.Locator("input[name=resultIds]");
        if (await send.CountAsync() > 0)
        {
            await send.First.CheckAsync();
            await caseworker.SubmitAsync(Zh("campaign.send"));
            Assert.Contains(Zh("campaign.sent"), await caseworker.TextAsync(), StringComparison.Ordinal);
        }
        await caseworker.CheckBothAsync("campaign-done");
    }
}
