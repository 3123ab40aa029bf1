using System.Text;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// A caseworker of Hohhot reads the month's talent-demand catalogue — welders short, named, with posted pay — and
/// exports it for Excel, in Chinese and in English, at a phone's and a desktop's width, with no id or code on screen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MonitoringJourneyTests(PortalStack stack)
{
    private const string Welder = "6-18-02-04"; // 焊工, 职业分类大典 2022

    [Fact]
    public async Task A_caseworker_reads_and_exports_the_talent_demand_catalogue_in_both_languages()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (employer, _) = await stack.SignInAsync("employer");
        using (employer)
        {
            var created = await stack.SendAsync(employer, HttpMethod.Post, "api/postings", new
            {
                title = $"电焊工 {tag}", description = "钢结构焊接，持焊工证。", skills = new[] { "电焊" }, regionCode = "150102",
                latitude = 40.84, longitude = 111.75, salaryMin = 6000, salaryMax = 9000, vacancies = 6, nationalOccupationCode = Welder,
            });
            Assert.Equal("published", (await stack.SendAsync(employer, HttpMethod.Post, $"api/postings/{created["id"]}/publish"))["status"]!.GetValue<string>());
        }
        var (seeker, _, _) = await stack.RegisterSeekerAsync();
        using (seeker)
        {
            await stack.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
            {
                name = "额尔敦", skills = new[] { "二保焊" }, regionCode = "150102", latitude = 40.81, longitude = 111.66, nationalOccupationCode = Welder,
            });
        }

        await using var caseworker = await OpenAsync(stack, "caseworker-monitoring", seekerChecks: true);
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));

        await caseworker.GotoAsync("/Caseworker/Monitoring");
        var welders = caseworker.Page.Locator("#catalogue-table tbody tr", new() { HasText = "焊工" });
        await Assertions.Expect(welders).ToHaveCountAsync(1);
        await Assertions.Expect(welders).ToContainTextAsync(Zh("monitoring.shortMark")); // six vacancies, one seeker
        await Assertions.Expect(welders).ToContainTextAsync("7500"); // the median of one posting paying 6,000–9,000: its middle
        await Assertions.Expect(caseworker.Page.Locator("figure.chart", new() { HasText = "焊工" })).ToHaveCountAsync(1);
        await caseworker.CheckBothAsync("monitoring");

        var csv = await DownloadAsync(caseworker, Zh("monitoring.export"));
        Assert.StartsWith("人才需求目录-呼和浩特市-", csv.Name, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Bytes[..3]); // Excel reads UTF-8 Chinese only with the mark
        var lines = Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n");
        Assert.StartsWith(Zh("monitoring.occupation") + "," + Zh("monitoring.vacancies") + "," + Zh("monitoring.seekers"), lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("焊工,", StringComparison.Ordinal) && line.Contains("," + Zh("monitoring.shortMark") + ",", StringComparison.Ordinal));

        // The bureau's layout, by 大典 code, with the period and the area on every line.
        var bureau = await DownloadAsync(caseworker, Zh("monitoring.exportBureau"));
        Assert.StartsWith("职业供求状况-呼和浩特市-", bureau.Name, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bureau.Bytes[..3]);
        var rows = Encoding.UTF8.GetString(bureau.Bytes[3..]).Split("\r\n");
        Assert.Equal(string.Join(',', new[] { "code", "name", "vacancies", "seekers", "ratio", "median", "period", "area", "areaCode" }.Select(key => Zh("monitoring." + key))), rows[0]);
        var month = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var welderRow = Assert.Single(rows, row => row.StartsWith(Welder + ",焊工,", StringComparison.Ordinal)).Split(',');
        Assert.Equal([month, "呼和浩特市", "150100"], welderRow[6..]);
        Assert.True(int.Parse(welderRow[2], System.Globalization.CultureInfo.InvariantCulture) >= 6, string.Join(',', welderRow)); // this test's six, and any other test's

        // Counted by 中类, chosen by name: the welder's 6-18 机械制造基础加工人员.
        await caseworker.Page.SelectOptionAsync("#by", "middleGroup");
        await caseworker.SubmitAsync(Zh("dashboard.show"));
        await Assertions.Expect(caseworker.Page.Locator("#catalogue-table tbody tr", new() { HasText = "机械制造基础加工人员" })).ToHaveCountAsync(1);
        await Assertions.Expect(caseworker.Page.Locator("#catalogue-table tbody tr", new() { HasText = "焊工" })).ToHaveCountAsync(0);

        await caseworker.GotoAsync("/Caseworker/Monitoring?lang=en");
        await Assertions.Expect(caseworker.Page.Locator("#catalogue-table tbody tr", new() { HasText = En("monitoring.shortMark") }).First).ToBeVisibleAsync();
        await caseworker.CheckBothAsync("monitoring-en");
        var english = await DownloadAsync(caseworker, En("monitoring.export"));
        Assert.StartsWith("talent-demand-catalogue-Hohhot", english.Name, StringComparison.Ordinal);
        Assert.StartsWith(En("monitoring.occupation") + ",", Encoding.UTF8.GetString(english.Bytes[3..]), StringComparison.Ordinal);
        await caseworker.GotoAsync("/Caseworker/Monitoring?lang=zh");
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(Visitor visitor, string link)
    {
        var download = await visitor.Page.RunAndWaitForDownloadAsync(() => visitor.Page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
