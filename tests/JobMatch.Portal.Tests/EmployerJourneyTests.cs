using System.Globalization;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>An employer, in Chromium: sign in, postings with screening's feedback inline, applicants, the vacancy report.</summary>
[Collection(PortalCollection.Name)]
public sealed class EmployerJourneyTests(PortalStack stack)
{
    private const int ApplicantsPageSize = global::Portal.Pages.Employer.ApplicantsModel.PageSize;

    [Fact]
    public async Task An_employer_sees_screening_flags_inline_publishes_moves_an_applicant_and_files_the_vacancy_report()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var employer = await OpenAsync(stack, "employer");
        await employer.GotoAsync("/Account/SignIn");
        await employer.CheckAsync("sign-in");
        await employer.FillAsync(("username", "employer"), ("password", PortalStack.DemoPassword));
        await employer.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Employer", employer.Page.Url, StringComparison.Ordinal);
        Assert.Contains(Zh("employer.keyEnterpriseYes"), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckAsync("organisation");

        // The browser itself asks for the required fields; what only the API knows comes back beside its field.
        await employer.GotoAsync("/Employer/Posting");
        await employer.FillAsync(("title", $"电焊工 {tag}"), ("place-name", "新城区"), ("salaryMin", "7千"), ("salaryMax", "5000"), ("vacancies", "三个"));
        await employer.SubmitAsync(Zh("posting.save"));
        // The portal refuses what it cannot read; then the API's own rule, in Chinese, beside its field.
        Assert.Equal(Zh("input.people"), await employer.FieldErrorAsync("vacancies"));
        await employer.FillAsync(("vacancies", "3人"));
        await employer.SubmitAsync(Zh("posting.save"));
        Assert.Equal("最高月薪不能低于最低月薪。", await employer.FieldErrorAsync("salaryMax"));
        Assert.Equal("true", await employer.Field("salaryMax").GetAttributeAsync("aria-invalid"));
        Assert.Equal($"电焊工 {tag}", await employer.Field("title").InputValueAsync());
        await employer.CheckAsync("posting-field-errors");

        // Screening holds a discriminatory posting for review and names the rule and the words it matched.
        await employer.FillAsync(("title", $"电焊工 {tag}"), ("description", "招聘电焊工，限男性，包住宿。"), ("skills", "电焊, 气割"),
            ("place-name", "呼和浩特市新城区"), ("salaryMin", "5000"), ("salaryMax", "7000"), ("vacancies", "3"));
        await employer.SubmitAsync(Zh("posting.submit"));
        Assert.Contains(Zh("posting.needsReview"), await employer.TextAsync(), StringComparison.Ordinal);
        var flag = employer.Page.Locator(".flag").First;
        await Assertions.Expect(flag).ToContainTextAsync("限男性");
        await Assertions.Expect(flag).ToContainTextAsync(Zh("flagKind.gender"));
        await employer.CheckAsync("posting-flagged");

        // A clean posting is published at once.
        await employer.GotoAsync("/Employer/Posting");
        await employer.FillAsync(("title", $"仓库管理员 {tag}"), ("description", "负责仓库收发货和盘点。"), ("skills", "仓库管理, 叉车驾驶"),
            ("place-name", "新城区"), ("salaryMin", "4500"), ("salaryMax", "6000"), ("vacancies", "2"));
        await employer.SubmitAsync(Zh("posting.submit"));
        Assert.Contains(Zh("posting.published"), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.CheckBothAsync("posting-published");
        var postingId = System.Text.RegularExpressions.Regex.Match(employer.Page.Url, "[?&]id=([0-9a-f-]{36})", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Groups[1].Value;
        Assert.True(Guid.TryParse(postingId, out _), employer.Page.Url);

        // A seeker applies (through the API); the employer moves the application a step on.
        var (seeker, _, _) = await stack.RegisterSeekerAsync();
        using (seeker) await stack.SendAsync(seeker, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = "我会开叉车。" });
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}");
        var applicant = employer.Page.Locator("article.card").First;
        await Assertions.Expect(applicant).ToContainTextAsync(Zh("applicationStatus.submitted"));
        await employer.CheckBothAsync("applicants");
        await applicant.Locator("select").SelectOptionAsync("viewed");
        await employer.SubmitAsync(applicant.GetByRole(AriaRole.Button, new() { Name = Zh("applicants.move") }));
        Assert.Contains(Zh("applicants.moved"), await employer.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.Locator("article.card").First).ToContainTextAsync(Zh("applicationStatus.viewed"));

        // A popular posting: twenty more applicants make two pages; the status links count each status and filter by it.
        await Task.WhenAll(Enumerable.Range(0, ApplicantsPageSize).Select(async _ =>
        {
            var (another, _, _) = await stack.RegisterSeekerAsync();
            using (another) await stack.SendAsync(another, HttpMethod.Post, $"api/postings/{postingId}/applications", new { });
        }));
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}");
        var statuses = employer.Page.Locator("nav.statuses");
        await Assertions.Expect(statuses).ToContainTextAsync($"{Zh("applicants.all")} {ApplicantsPageSize + 1}");
        await Assertions.Expect(statuses).ToContainTextAsync($"{Zh("applicationStatus.viewed")} 1");
        await Assertions.Expect(employer.Page.Locator("article.card")).ToHaveCountAsync(ApplicantsPageSize);
        await employer.CheckBothAsync("applicants-paged");
        await employer.SubmitAsync(employer.Page.Locator("nav.pages a[rel=next]"));
        Assert.Contains("p=2", employer.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(employer.Page.Locator("nav.pages span[aria-current=page]")).ToHaveTextAsync("2");
        await employer.SubmitAsync(statuses.GetByRole(AriaRole.Link, new() { Name = $"{Zh("applicationStatus.viewed")} 1" }));
        await Assertions.Expect(employer.Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(employer.Page.Locator("article.card").First).ToContainTextAsync(Zh("applicationStatus.viewed"));
        await Assertions.Expect(employer.Page.Locator("nav.pages")).ToHaveCountAsync(0);
        // The same page in English: the status links and the page's words.
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}&lang=en");
        await Assertions.Expect(employer.Page.Locator("nav.statuses")).ToContainTextAsync($"{En("applicants.all")} {ApplicantsPageSize + 1}");
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, En("applicants.pageOf"), 1, 2, ApplicantsPageSize + 1), await employer.TextAsync(), StringComparison.Ordinal);
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}&lang=zh");

        // The key enterprise's monthly vacancy report.
        await employer.GotoAsync("/Employer/VacancyReport");
        await employer.CheckAsync("vacancy-report");
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await employer.FillAsync(("month", month), ("place-name", "新城区"));
        await employer.Page.Locator("input[name=occupationName]").First.FillAsync("电焊工");
        await employer.Page.Locator("input[name=vacancies]").First.FillAsync("12");
        await employer.Page.Locator("input[name=plannedHires]").First.FillAsync("8");
        await employer.SubmitAsync(Zh("report.submit"));
        Assert.Contains(Zh("report.saved"), await employer.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.Locator("main li", new() { HasText = month })).ToHaveCountAsync(1);
        await employer.CheckAsync("vacancy-report-filed");
    }
}
