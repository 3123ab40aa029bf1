using JobMatch.Testing;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// The organisation's whole lifecycle in Chromium, Chinese and English, at 375 and 1280 px, axe-checked at each step:
/// an employer registers itself and its organisation and cannot publish while it waits; a caseworker of the region
/// verifies it from the queue and marks it as a key enterprise; the employer publishes, adds a second HR user who signs
/// in and sees the organisation's postings and a consenting applicant as a person; the seeker reads on their privacy
/// page which organisation read their contact for which job; a user of another organisation is not found.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OrganisationJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task An_organisation_registers_waits_is_verified_publishes_adds_an_HR_user_and_its_contact_reads_are_audited()
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

        // Waiting for verification: the home page says so, and a posting stays a draft, told why beside nothing but the banner.
        await employer.GotoAsync("/Employer");
        Assert.Contains(Zh("orgStatus.pending"), await employer.TextAsync(), StringComparison.Ordinal);
        var title = $"仓库管理员 {tag}";
        await employer.GotoAsync("/Employer/Posting");
        await employer.FillAsync(("title", title), ("description", "负责仓库收发货和盘点。"), ("skills", "仓库管理, 叉车驾驶"),
            ("place-name", "赛罕区"), ("salaryMin", "4500"), ("salaryMax", "6000"), ("vacancies", "2"));
        await employer.SubmitAsync(Zh("posting.submit"));
        Assert.Contains("通过认证的单位才能发布招聘信息", await employer.TextAsync(), StringComparison.Ordinal);
        var postingId = await employer.Page.Locator("input[name=id]").First.InputValueAsync();
        Assert.True(Guid.TryParse(postingId, out _), postingId);
        await employer.CheckAsync("publish-refused-pending");

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

        // The caseworker marks it as a key enterprise: it is listed as not having filed this month's vacancy report.
        await caseworker.FillAsync(("mark-creditCode", "91150105MA13QW8K79"), ("mark-reason", "纳入重点企业用工监测。"));
        await caseworker.SubmitAsync(Zh("keyEnterprise.mark"));
        Assert.Contains("统一社会信用代码", await caseworker.FieldErrorAsync("mark-creditCode"), StringComparison.Ordinal);
        await caseworker.FillAsync(("mark-creditCode", code.ToLowerInvariant()), ("mark-reason", "纳入重点企业用工监测。"));
        await caseworker.SubmitAsync(Zh("keyEnterprise.mark"));
        Assert.Contains(Zh("keyEnterprise.marked"), await caseworker.TextAsync(), StringComparison.Ordinal);
        var keyEnterprise = caseworker.Page.Locator("section.key-enterprise", new() { HasText = legalName });
        await Assertions.Expect(keyEnterprise).ToContainTextAsync(Zh("keyEnterprise.notFiled"));
        await caseworker.CheckBothAsync("key-enterprises");
        await caseworker.GotoAsync("/Caseworker/Organisations?lang=en");
        await Assertions.Expect(caseworker.Page.Locator("section.key-enterprise", new() { HasText = legalName })).ToContainTextAsync(En("keyEnterprise.notFiled"));
        await caseworker.CheckAsync("key-enterprises-en");

        await employer.GotoAsync("/Employer");
        Assert.Contains(Zh("employer.keyEnterpriseYes"), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.GotoAsync($"/Employer/Posting?id={postingId}");
        await employer.SubmitAsync(Zh("posting.submit"));
        Assert.Contains(Zh("posting.published"), await employer.TextAsync(), StringComparison.Ordinal);
        // The public company page names the organisation, its verification and its open posting.
        await employer.GotoAsync("/Employer/Organisation");
        await employer.SubmitAsync(employer.Page.GetByRole(AriaRole.Link, new() { Name = Zh("org.companyPage") }));
        Assert.Contains(legalName, await employer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains(Zh("orgStatus.verified"), await employer.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(1);
        await employer.CheckAsync("company-page");

        // A second HR user: the owner creates the login, the colleague signs in and sees the organisation's postings.
        await employer.GotoAsync("/Employer/Users");
        var colleagueName = $"hr-{tag}";
        await employer.FillAsync(("displayName", "李强"), ("username", colleagueName), ("password", "colleague-pass-1"));
        await employer.SubmitAsync(Zh("users.inviteSubmit"));
        Assert.Contains(Zh("users.invited"), await employer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains(colleagueName, await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckBothAsync("employer-users");
        await employer.GotoAsync("/Employer/Users?lang=en");
        Assert.Contains(En("users.owner"), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckAsync("employer-users-en");
        await employer.GotoAsync("/Employer/Users?lang=zh");
        await using var colleague = await OpenAsync(stack, "colleague");
        await colleague.GotoAsync("/Account/SignIn");
        await colleague.FillAsync(("username", colleagueName), ("password", "colleague-pass-1"));
        await colleague.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Employer", colleague.Page.Url, StringComparison.Ordinal);
        Assert.Contains(title, await colleague.TextAsync(), StringComparison.Ordinal);
        Assert.Contains(legalName, await colleague.TextAsync(), StringComparison.Ordinal);

        // A consenting seeker applies; the colleague reads the card, and the seeker sees who read it for which job.
        var (seeker, _, seekerName) = await stack.RegisterSeekerAsync();
        using (seeker)
        {
            await stack.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
            {
                name = "其其格", phone = "13904710000", skills = new[] { "仓库管理" }, regionCode = "150105", latitude = 40.81, longitude = 111.70,
                consents = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true },
            });
            await stack.SendAsync(seeker, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = "会开叉车。" });
        }
        // The profile service learns of the application from its event; the page shows the card once it has.
        await Eventually.GetAsync(async () =>
        {
            await colleague.GotoAsync($"/Employer/Applicants?postingId={postingId}");
            return await colleague.TextAsync();
        }, text => text.Contains("13904710000", StringComparison.Ordinal), "the consenting applicant's card");
        await colleague.CheckBothAsync("colleague-applicants");
        await using var person = await OpenAsync(stack, "contact-reads", seekerChecks: true);
        await person.GotoAsync("/Account/SignIn");
        await person.FillAsync(("username", seekerName), ("password", PortalStack.DemoPassword));
        await person.SubmitAsync(Zh("signIn.submit"));
        await person.GotoAsync("/Seeker/Privacy");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh("privacy.contactRead"), legalName, title),
            await person.TextAsync(), StringComparison.Ordinal);
        await person.CheckBothAsync("privacy-contact-reads");
        await person.GotoAsync("/Seeker/Privacy?lang=en");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, En("privacy.contactRead"), legalName, title),
            await person.TextAsync(), StringComparison.Ordinal);

        // A user of another organisation (the bureau's demo employer) is told the applicants page does not exist.
        await using var stranger = await OpenAsync(stack, "other-organisation");
        await stranger.GotoAsync("/Account/SignIn");
        await stranger.FillAsync(("username", "employer"), ("password", PortalStack.DemoPassword));
        await stranger.SubmitAsync(Zh("signIn.submit"));
        var refused = await stranger.Page.GotoAsync($"/Employer/Applicants?postingId={postingId}");
        Assert.Equal(404, refused!.Status);
        Assert.DoesNotContain("13904710000", await stranger.Page.ContentAsync(), StringComparison.Ordinal);

        // Only the owner adds and removes logins; a removed colleague's session ends at once.
        await colleague.GotoAsync("/Employer/Users");
        Assert.Contains(Zh("users.ownerOnly"), await colleague.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(colleague.Page.Locator("#username")).ToHaveCountAsync(0);
        await employer.GotoAsync("/Employer/Users");
        await employer.SubmitAsync(employer.Page.GetByRole(AriaRole.Button, new() { Name = $"{Zh("users.remove")}: 李强" }));
        Assert.Contains(Zh("users.removed"), await employer.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(colleagueName, await employer.TextAsync(), StringComparison.Ordinal);
        await colleague.Page.GotoAsync("/Employer");
        Assert.Contains("/Account/SignIn", colleague.Page.Url, StringComparison.Ordinal);

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
