using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>
/// An employer sees a consenting applicant as a person and invites them to an interview; the seeker, told by a
/// notification that names the job, accepts it with a note; the employer reads the answer — in Chromium, Chinese and
/// English, at 375 and 1280 px, axe-checked at each step.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class InterviewJourneyTests(PortalStack stack)
{
    [Fact]
    public async Task An_employer_schedules_an_interview_for_a_consenting_applicant_and_the_seeker_accepts_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"挤奶工 {tag}";
        var (postingId, status) = await stack.PostingAsync(title, "负责牧场挤奶和设备清洗。", ["挤奶"]);
        Assert.Equal("published", status);
        var (seeker, _, username) = await stack.RegisterSeekerAsync();
        Guid applicationId;
        using (seeker)
        {
            await stack.SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
            {
                name = "其其格", phone = "13904710000", skills = new[] { "挤奶" }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
                consents = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true },
            });
            var applied = await stack.SendAsync(seeker, HttpMethod.Post, $"api/postings/{postingId}/applications", new { coverNote = "在牧场干过三年。" });
            applicationId = applied["id"]!.GetValue<Guid>();
        }

        // A second applicant has not consented to sharing with employers.
        var (private_, _, privateUsername) = await stack.RegisterSeekerAsync();
        Guid privateApplicationId;
        using (private_)
        {
            await stack.SendAsync(private_, HttpMethod.Put, "api/profiles/me", new
            {
                name = "巴特尔", phone = "13904712222", skills = new[] { "挤奶" }, regionCode = "150102", latitude = 40.81, longitude = 111.66,
                consents = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = false },
            });
            privateApplicationId = (await stack.SendAsync(private_, HttpMethod.Post, $"api/postings/{postingId}/applications", new { }))["id"]!.GetValue<Guid>();
        }

        // The profile service learns of the applications from their events; the cards are there once it has.
        var (employerApi, _) = await stack.SignInAsync("employer");
        using var employerCalls = employerApi;
        async Task<string> SharingAsync(Guid application)
        {
            using var card = await employerApi.GetAsync(new Uri($"api/profiles/applicants/{application}/card", UriKind.Relative));
            return card.StatusCode == HttpStatusCode.OK ? System.Text.Json.Nodes.JsonNode.Parse(await card.Content.ReadAsStringAsync())!["sharing"]!.GetValue<string>() : "";
        }
        await Eventually.GetAsync(() => SharingAsync(applicationId), sharing => sharing == "consented", "the consenting applicant's card");
        await Eventually.GetAsync(() => SharingAsync(privateApplicationId), sharing => sharing == "masked", "the other applicant's masked card");

        await using var employer = await OpenAsync(stack, "interview-employer");
        await employer.GotoAsync("/Account/SignIn");
        await employer.FillAsync(("username", "employer"), ("password", PortalStack.DemoPassword));
        await employer.SubmitAsync(Zh("signIn.submit"));
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}");
        var applicant = employer.Page.Locator("article.card", new() { HasText = "其其格" });
        await Assertions.Expect(applicant).ToContainTextAsync("13904710000");
        await Assertions.Expect(applicant).ToContainTextAsync(Zh("applicants.consented"));
        await employer.CheckBothAsync("applicant-as-person");

        // The one who did not consent shows masked; the employer asks for the contact, the seeker agrees, and the
        // employer sees it for this application.
        var masked = employer.Page.Locator("article.card", new() { HasText = "巴**" });
        await Assertions.Expect(masked).ToContainTextAsync(Zh("applicants.masked"));
        Assert.DoesNotContain("13904712222", await employer.TextAsync(), StringComparison.Ordinal);
        await employer.SubmitAsync(masked.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + Zh("applicants.requestContact")) }));
        Assert.Contains(Zh("applicants.contactRequested"), await employer.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(employer.Page.Locator("article.card", new() { HasText = "巴**" })).ToContainTextAsync(Zh("applicants.contactWaiting"));
        await employer.CheckAsync("contact-requested");
        using (var again = (await stack.SignInAsync(privateUsername)).Client)
        {
            await stack.SendAsync(again, HttpMethod.Post, $"api/applications/{privateApplicationId}/contact-request/answer", new { accept = true });
        }
        await Eventually.GetAsync(() => SharingAsync(privateApplicationId), sharing => sharing == "contactShared", "the shared contact in the profile service");
        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}");
        var shared = employer.Page.Locator("article.card", new() { HasText = "巴特尔" });
        await Assertions.Expect(shared).ToContainTextAsync("13904712222");
        await Assertions.Expect(shared).ToContainTextAsync(Zh("applicants.contactShared"));
        await employer.CheckBothAsync("contact-shared");

        // A phone the API cannot read comes back beside its field, in Chinese, the rest as typed.
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = applicationId.ToString();
        await applicant.Locator("summary").ClickAsync();
        await employer.FillAsync(($"date-{id}", day), ($"time-{id}", "10:30"), ($"place-{id}", "呼和浩特市新城区牧场路 8 号办公楼二层"),
            ($"contactName-{id}", "王丽"), ($"contactPhone-{id}", "12345"));
        await employer.SubmitAsync(applicant.GetByRole(AriaRole.Button, new() { Name = Zh("interview.scheduleSubmit") }));
        Assert.Contains("联系电话", await employer.FieldErrorAsync($"contactPhone-{id}"), StringComparison.Ordinal);
        Assert.Equal("王丽", await employer.Field($"contactName-{id}").InputValueAsync());
        await employer.CheckAsync("interview-field-error");
        await employer.FillAsync(($"contactPhone-{id}", "0471-6281234"));
        await employer.SubmitAsync(employer.Page.Locator("article.card", new() { HasText = "其其格" })
            .GetByRole(AriaRole.Button, new() { Name = Zh("interview.scheduleSubmit") }));
        Assert.Contains(Zh("interview.scheduled"), await employer.TextAsync(), StringComparison.Ordinal);
        applicant = employer.Page.Locator("article.card", new() { HasText = "其其格" });
        await Assertions.Expect(applicant).ToContainTextAsync(Zh("interviewStatus.proposed"));
        await Assertions.Expect(applicant).ToContainTextAsync($"{day} 10:30");
        await employer.CheckBothAsync("interview-scheduled");

        // The seeker's notice names the job and the time.
        var (seekerApi, _) = await stack.SignInAsync(username);
        using (seekerApi)
        {
            await Eventually.GetAsync(() => stack.SendAsync(seekerApi, HttpMethod.Get, "api/notifications"),
                answer => answer["items"]!.AsArray().Any(n => n!["kind"]!.GetValue<string>() == "interview"
                    && n["body"]!.GetValue<string>().Contains(title, StringComparison.Ordinal) && n["body"]!.GetValue<string>().Contains($"{day} 10:30", StringComparison.Ordinal)),
                "the interview notice naming the job and the time");
        }

        await using var person = await OpenAsync(stack, "interview-seeker", seekerChecks: true, width: Phone);
        await person.GotoAsync("/Account/SignIn");
        await person.FillAsync(("username", username), ("password", PortalStack.DemoPassword));
        await person.SubmitAsync(Zh("signIn.submit"));
        await person.GotoAsync("/Seeker/Applications");
        var invitation = person.Page.Locator("article.card", new() { HasText = title });
        await Assertions.Expect(invitation).ToContainTextAsync(Zh("interview.invitation"));
        await Assertions.Expect(invitation).ToContainTextAsync("呼和浩特市新城区牧场路 8 号办公楼二层");
        await Assertions.Expect(invitation).ToContainTextAsync("04716281234");
        await person.CheckBothAsync("seeker-invitation");
        await person.GotoAsync("/Seeker/Applications?lang=en");
        invitation = person.Page.Locator("article.card", new() { HasText = title });
        await Assertions.Expect(invitation).ToContainTextAsync(En("interview.invitation"));
        await invitation.Locator("textarea").FillAsync("我会准时到");
        await person.SubmitAsync(invitation.GetByRole(AriaRole.Button, new() { Name = En("interview.accept"), Exact = true }));
        Assert.Contains(En("interview.accepted"), await person.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(person.Page.Locator("article.card", new() { HasText = title })).ToContainTextAsync(En("interviewStatus.accepted"));
        await person.CheckBothAsync("seeker-accepted-en");

        await employer.GotoAsync($"/Employer/Applicants?postingId={postingId}&lang=en");
        applicant = employer.Page.Locator("article.card", new() { HasText = "其其格" });
        await Assertions.Expect(applicant).ToContainTextAsync(En("interviewStatus.accepted"));
        await Assertions.Expect(applicant).ToContainTextAsync("我会准时到");
        await employer.CheckBothAsync("employer-sees-answer-en");
    }
}
