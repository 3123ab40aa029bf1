using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// An employer registers itself and its organisation, a caseworker of the region verifies it from the queue, and the
/// company page shows the label — in Chromium, Chinese and English, at 375 and 1280 px, axe-checked at each step.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OrganisationJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task An_employer_registers_its_organisation_and_a_caseworker_of_the_region_verifies_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var legalName = $"呼和浩特市草原乳业有限公司{tag}";
        await using var employer = await OpenAsync(stack, "organisation");
        await employer.GotoAsync("/Account/RegisterEmployer");
        await employer.CheckBothAsync("employer-register");
        await employer.FillAsync(("displayName", "王丽"), ("username", $"dairy-{tag}"), ("password", "dairy-password-1"));
        await employer.SubmitAsync(Zh("register.submit"));
        Assert.EndsWith("/Employer/Organisation", employer.Page.Url, StringComparison.Ordinal);

        // A mistyped credit code comes back beside its field, in Chinese; the rest stays as typed.
        await employer.FillAsync(("creditCode", "91150105MA13QW8K79"), ("legalName", legalName), ("place-name", "赛罕区"),
            ("address", "呼和浩特市赛罕区大学东街 88 号"), ("contactName", "王丽"), ("contactPhone", "13912345678"));
        await employer.Page.Locator("#industry").SelectOptionAsync("C");
        await employer.Page.Locator("#size").SelectOptionAsync("small");
        await employer.SubmitAsync(Zh("org.submit"));
        Assert.Contains("统一社会信用代码", await employer.FieldErrorAsync("creditCode"), StringComparison.Ordinal);
        Assert.Equal(legalName, await employer.Field("legalName").InputValueAsync());
        await employer.CheckAsync("organisation-field-errors");

        var code = ValidCode();
        await employer.FillAsync(("creditCode", code), ("place-name", "赛罕区"));
        await employer.SubmitAsync(Zh("org.submit"));
        Assert.Contains(Zh("org.saved"), await employer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains(Zh("orgStatus.pending"), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckBothAsync("organisation-pending");

        await using var caseworker = await OpenAsync(stack, "verification");
        await caseworker.GotoAsync("/Account/SignIn");
        await caseworker.FillAsync(("username", "caseworker"), ("password", PortalStack.DemoPassword));
        await caseworker.SubmitAsync(Zh("signIn.submit"));
        await caseworker.GotoAsync("/Caseworker/Organisations?lang=en");
        var card = caseworker.Page.Locator("section.card", new() { HasText = legalName });
        await Assertions.Expect(card).ToContainTextAsync(code);
        await Assertions.Expect(card).ToContainTextAsync(En("orgStatus.pending"));
        await caseworker.CheckBothAsync("verification-queue-en");
        await caseworker.GotoAsync("/Caseworker/Organisations?lang=zh");
        card = caseworker.Page.Locator("section.card", new() { HasText = legalName });
        await card.GetByLabel(Zh("verify.verified")).CheckAsync();
        await card.Locator("textarea").FillAsync("营业执照与国家企业信用信息公示系统一致。");
        await caseworker.SubmitAsync(card.GetByRole(AriaRole.Button, new() { Name = Zh("verify.decision") }));
        Assert.Contains(Zh("verify.decided"), await caseworker.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(caseworker.Page.Locator("section.card", new() { HasText = legalName })).ToHaveCountAsync(0);
        await caseworker.CheckAsync("verification-decided");

        await employer.GotoAsync("/Employer/Organisation");
        Assert.Contains(Zh("orgStatus.verified"), await employer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("营业执照与国家企业信用信息公示系统一致。", await employer.TextAsync(), StringComparison.Ordinal);
        await employer.SubmitAsync(employer.Page.GetByRole(AriaRole.Link, new() { Name = Zh("org.companyPage") }));
        Assert.Contains(legalName, await employer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("制造业", await employer.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckBothAsync("company-page");
    }

    /// <summary>A credit code of Hohhot's Saihan district with a random organisation code and its check character.</summary>
    private static string ValidCode()
    {
        var first17 = "91150105" + string.Concat(Enumerable.Range(0, 9).Select(_ =>
            JobMatch.Domain.Organisations.CreditCode.Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(31)]));
        return first17 + JobMatch.Domain.Organisations.CreditCode.CheckCharacter(first17);
    }
}
