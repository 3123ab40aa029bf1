using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// An organisation files a lay-off report (规模性裁员减员报告) in the portal; a caseworker of its region finds it on the
/// monitoring page's early warnings — Chinese and English, 375 and 1280 px, axe-checked.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LayoffReportJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task An_organisation_files_a_layoff_report_and_a_caseworker_of_its_region_sees_it_among_the_early_warnings()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var legalName = $"呼和浩特市新城区毛纺有限公司{tag}";
        var username = $"wool-{tag}";
        using (var anonymous = stack.CreateClient())
        {
            using var registered = await anonymous.PostAsJsonAsync("api/auth/register/employer", new { username, password = PortalStack.DemoPassword, displayName = "乌云" });
            registered.EnsureSuccessStatusCode();
            var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            using var owner = stack.CreateClient(token);
            await stack.SendAsync(owner, HttpMethod.Post, "api/organisations", new
            {
                creditCode = ValidCode(), legalName, industry = "C", size = "medium", regionCode = "150102", address = "呼和浩特市新城区成吉思汗大街 1 号",
                contactName = "乌云", contactPhone = "13904719876",
            });
        }

        await using var employer = await OpenAsync(stack, "layoff-report");
        await employer.GotoAsync("/Account/SignIn");
        await employer.FillAsync(("username", username), ("password", PortalStack.DemoPassword));
        await employer.SubmitAsync(Zh("signIn.submit"));
        await employer.GotoAsync("/Employer/LayoffReport");
        await employer.CheckBothAsync("layoff-form");
        var from = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await employer.FillAsync(("affected", "很多"), ("effectiveOn", from), ("reason", "订单减少，二号纺纱车间停产。"));
        await employer.SubmitAsync(Zh("layoff.submit"));
        Assert.Equal(Zh("input.people"), await employer.FieldErrorAsync("affected"));
        await employer.CheckAsync("layoff-field-error");
        await employer.FillAsync(("affected", "35人"), ("workforce", "300"));
        await employer.Page.Locator("#reasonCode").SelectOptionAsync("seriousDifficulty");
        await employer.SubmitAsync(Zh("layoff.submit"));
        Assert.Contains(Zh("layoff.filed"), await employer.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.Locator("main li", new() { HasText = from })).ToHaveCountAsync(1);
        await employer.CheckAsync("layoff-filed");

        await using var caseworker = await OpenAsync(stack, "layoff-warnings");
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));
        await caseworker.GotoAsync("/Caseworker/Monitoring?region=150100");
        var row = caseworker.Page.Locator("#layoffs-table tr", new() { HasText = legalName });
        await Assertions.Expect(row).ToContainTextAsync("35 / 300");
        await Assertions.Expect(row).ToContainTextAsync(Zh("monitoring.statutory"));
        await Assertions.Expect(row).ToContainTextAsync(Zh("layoffReason.seriousDifficulty"));
        await caseworker.CheckBothAsync("layoff-warnings");
        await caseworker.GotoAsync("/Caseworker/Monitoring?region=150100&lang=en");
        row = caseworker.Page.Locator("#layoffs-table tr", new() { HasText = legalName });
        await Assertions.Expect(row).ToContainTextAsync(En("layoffReason.seriousDifficulty"));
        await caseworker.CheckBothAsync("layoff-warnings-en");
    }

    private static string ValidCode()
    {
        var first17 = "91150102" + string.Concat(Enumerable.Range(0, 9).Select(_ =>
            JobMatch.Domain.Organisations.CreditCode.Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(31)]));
        return first17 + JobMatch.Domain.Organisations.CreditCode.CheckCharacter(first17);
    }
}
