using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;

namespace JobPostings.Tests.Integration;

/// <summary>
/// The job-posting service's real answers read strictly into the records the portal reads them with
/// (JobMatch.Contracts.Responses.Postings): a field renamed in an answer fails here, not on a page (record 068).
/// </summary>
public sealed class ResponseContractTests : OrganisationsHost
{
    [Fact]
    public async Task Postings_search_applications_interviews_saved_searches_organisations_and_review_read_as_the_shared_records()
    {
        var employerId = Guid.NewGuid();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        var organisation = await ContractJson.ReadAsync<OrganisationResponse>(
            await employer.PostAsJsonAsync("/api/organisations", Registration()), HttpStatusCode.Created);
        using (var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100")))
        {
            Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<VerificationItem>>(caseworker, "/api/organisations/verification"), item => item.Id == organisation.Id);
            Assert.Equal(OrganisationStatus.Verified, (await ContractJson.ReadAsync<VerificationItem>(await caseworker.PostAsJsonAsync(
                $"/api/organisations/{organisation.Id}/decision", new { status = "verified", reason = "营业执照与国家企业信用信息公示系统一致。" }))).Status);
            Assert.True((await ContractJson.ReadAsync<KeyEnterpriseStatus>(await caseworker.PostAsJsonAsync("/api/organisations/key-enterprises",
                new { creditCode = organisation.CreditCode, keyEnterprise = true, reason = "纳入重点企业用工监测。" }))).KeyEnterprise);
            Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<KeyEnterpriseItem>>(caseworker, "/api/organisations/key-enterprises?region=150100"),
                item => item.Id == organisation.Id);
        }
        Assert.Equal(OrganisationStatus.Verified, (await ContractJson.GetAsync<OrganisationResponse>(employer, "/api/organisations/mine")).Status);

        var tag = "合同" + Guid.NewGuid().ToString("N")[..6];
        var body = new
        {
            title = $"叉车司机 {tag}", description = $"仓库叉车作业，{tag}。", skills = new[] { "叉车" }, optionalSkills = new[] { "仓储管理" },
            regionCode = "150203", latitude = 40.66, longitude = 109.84, salaryMin = 5000, salaryMax = 7000, vacancies = 2,
            employmentType = "fullTime", keyGroups = new[] { "veteranPriority" }, education = "seniorHigh", experienceYears = 1,
            nationalOccupationCode = "4-02-02-02",
        };
        var created = await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsJsonAsync("/api/postings", body), HttpStatusCode.Created);
        var published = await ContractJson.ReadAsync<PostingResponse>(
            await employer.PostAsync(new Uri($"/api/postings/{created.Id}/publish", UriKind.Relative), null));
        Assert.Equal(PostingStatus.Published, published.Status);
        Assert.Equal([KeyGroup.VeteranPriority], published.KeyGroups!);
        Assert.Equal(Education.SeniorHigh, published.Education);
        Assert.Equal(published.Id, (await ContractJson.GetAsync<PostingResponse>(Factory.CreateClient(), $"/api/postings/{created.Id}")).Id);
        Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<PostingResponse>>(employer, "/api/postings/mine"), mine => mine.Id == created.Id);
        Assert.Empty(await ContractJson.GetAsync<IReadOnlyList<ScreeningFlag>>(employer, $"/api/postings/{created.Id}/flags"));
        var held = await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsJsonAsync("/api/postings",
            body with { title = $"仓库管理员 {tag}", description = $"限男性，35岁以下。{tag}" }), HttpStatusCode.Created);
        await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsync(new Uri($"/api/postings/{held.Id}/publish", UriKind.Relative), null));
        Assert.NotEmpty(await ContractJson.GetAsync<IReadOnlyList<ScreeningFlag>>(employer, $"/api/postings/{held.Id}/flags"));
        Assert.Contains((await ContractJson.GetAsync<CompanyPage>(Factory.CreateClient(), $"/api/organisations/{organisation.Id}")).OpenPostings,
            posting => posting.Id == created.Id);
        using (var reviewer = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200")))
        {
            var queued = Assert.Single(await ContractJson.GetAsync<IReadOnlyList<ReviewItem>>(reviewer, "/api/review"), item => item.Posting.Id == held.Id);
            Assert.NotEmpty(queued.Flags);
            Assert.Equal(PostingStatus.Draft, (await ContractJson.ReadAsync<PostingResponse>(
                await reviewer.PostAsJsonAsync($"/api/review/{held.Id}/return", new { reason = "请删除性别和年龄要求。" }))).Status);
        }

        var search = await ContractJson.GetAsync<SearchPage>(Factory.CreateClient(), $"/api/postings/search?q={Uri.EscapeDataString(tag)}&limit=5");
        Assert.Equal(created.Id, Assert.Single(search.Items).Posting.Id);
        Assert.NotEmpty(search.Facets.EmploymentType);
        var near = await ContractJson.GetAsync<SearchPage>(Factory.CreateClient(), $"/api/postings/search?q={Uri.EscapeDataString(tag)}&lat=40.66&lng=109.84&radiusKm=10");
        Assert.NotNull(Assert.Single(near.Items).DistanceKm);

        var seekerId = Guid.NewGuid();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        var applied = await ContractJson.ReadAsync<ApplicationResponse>(
            await seeker.PostAsJsonAsync($"/api/postings/{created.Id}/applications", new { coverNote = "三年叉车经验。" }), HttpStatusCode.Created);
        var interview = new { at = DateTimeOffset.UtcNow.AddDays(2), place = "包头市昆都仑区钢铁大街 1 号", contactName = "王丽", contactPhone = "13904711234" };
        await ContractJson.ReadAsync<ApplicationResponse>(await employer.PutAsJsonAsync($"/api/applications/{applied.Id}/interview", interview));
        await ContractJson.ReadAsync<ApplicationResponse>(await employer.PostAsync(new Uri($"/api/applications/{applied.Id}/contact-request", UriKind.Relative), null));
        var answered = await ContractJson.ReadAsync<ApplicationResponse>(
            await seeker.PostAsJsonAsync($"/api/applications/{applied.Id}/interview/answer", new { accept = true, note = "准时到。" }));
        Assert.Equal(InterviewStatus.Accepted, answered.Interview!.Status);
        await ContractJson.ReadAsync<ApplicationResponse>(await seeker.PostAsJsonAsync($"/api/applications/{applied.Id}/contact-request/answer", new { accept = true }));
        var mine = Assert.Single(await ContractJson.GetAsync<IReadOnlyList<ApplicationResponse>>(seeker, "/api/applications/mine"));
        Assert.Equal((ApplicationStatus.Interview, ContactRequestStatus.Accepted), (mine.Status, mine.ContactRequest));
        Assert.Equal(ApplicationStatus.Withdrawn, (await ContractJson.ReadAsync<ApplicationResponse>(
            await seeker.PostAsync(new Uri($"/api/applications/{applied.Id}/withdraw", UriKind.Relative), null))).Status);

        var saved = await ContractJson.ReadAsync<SavedSearchResponse>(await seeker.PostAsJsonAsync("/api/saved-searches", new
        {
            name = "叉车", q = "叉车", region = "150200", salary = 5000, employmentType = new[] { "fullTime" }, keyGroup = new[] { "veteranPriority" },
        }), HttpStatusCode.Created);
        Assert.Equal(saved.Id, Assert.Single(await ContractJson.GetAsync<IReadOnlyList<SavedSearchResponse>>(seeker, "/api/saved-searches")).Id);
    }

    [Fact]
    public async Task Applicants_pages_moves_a_seekers_applications_for_staff_and_follow_ups_read_as_the_shared_records()
    {
        var employerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, Guid.NewGuid());
        await DecideAsync(organisation.Id, "verified");
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        var posting = await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsJsonAsync("/api/postings", new
        {
            title = "仓库管理员", description = $"仓储管理，{Guid.NewGuid():N}。", skills = new[] { "仓储管理" }, regionCode = "150105", latitude = 40.81,
            longitude = 111.70, salaryMin = 4500, salaryMax = 6000, vacancies = 2,
        }), HttpStatusCode.Created);
        await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null));
        var seekerId = Guid.NewGuid();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        var applied = await ContractJson.ReadAsync<ApplicationResponse>(
            await seeker.PostAsJsonAsync($"/api/postings/{posting.Id}/applications", new { coverNote = "有仓库工作经验。" }), HttpStatusCode.Created);

        var page = await ContractJson.GetAsync<ApplicantsPage>(employer, $"/api/postings/{posting.Id}/applications?limit=20&page=1");
        Assert.Equal(applied.Id, Assert.Single(page.Items).Id);
        Assert.Equal((1, 1), (page.Totals.All, page.Totals.Of(ApplicationStatus.Submitted)));
        Assert.Empty((await ContractJson.GetAsync<ApplicantsPage>(employer, $"/api/postings/{posting.Id}/applications?limit=20&page=1&status=hired")).Items);
        Assert.Equal(ApplicationStatus.Viewed, (await ContractJson.ReadAsync<ApplicationResponse>(
            await employer.PostAsJsonAsync($"/api/applications/{applied.Id}/status", new { status = "viewed" }))).Status);
        var interview = new { at = DateTimeOffset.UtcNow.AddDays(3), place = "呼和浩特市赛罕区 1 号", contactName = "李强", contactPhone = "13904711235" };
        await ContractJson.ReadAsync<ApplicationResponse>(await employer.PutAsJsonAsync($"/api/applications/{applied.Id}/interview", interview));
        Assert.Equal(InterviewStatus.Cancelled, (await ContractJson.ReadAsync<ApplicationResponse>(
            await employer.DeleteAsync(new Uri($"/api/applications/{applied.Id}/interview", UriKind.Relative)))).Interview!.Status);

        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        Assert.Equal(applied.Id, Assert.Single(await ContractJson.GetAsync<IReadOnlyList<ApplicationResponse>>(
            caseworker, $"/api/applications?seekerId={seekerId}&reason=weekly-casework-review")).Id);
        var visit = await ContractJson.ReadAsync<FollowUpResponse>(await caseworker.PostAsJsonAsync($"/api/applications/{applied.Id}/follow-ups",
            new { outcome = "stillSeeking", note = "面试取消，继续求职。", nextContactOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }), HttpStatusCode.Created);
        Assert.Equal(FollowUpOutcome.StillSeeking, visit.Outcome);
        Assert.Equal(visit.Id, Assert.Single(await ContractJson.GetAsync<IReadOnlyList<FollowUpResponse>>(caseworker, $"/api/applications/{applied.Id}/follow-ups")).Id);
    }

    [Fact]
    public async Task Vacancy_reports_layoff_reports_and_labour_demand_read_as_the_shared_records()
    {
        var employerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, Guid.NewGuid());
        await DecideAsync(organisation.Id, "verified");
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        (await caseworker.PostAsJsonAsync("/api/organisations/key-enterprises",
            new { creditCode = organisation.CreditCode, keyEnterprise = true, reason = "纳入重点企业用工监测。" })).EnsureSuccessStatusCode();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var filed = await ContractJson.ReadAsync<VacancyReportResponse>(await employer.PutAsJsonAsync($"/api/vacancy-reports/{month}", new
        {
            regionCode = "150105",
            lines = new[] { new { occupationCode = "4-02-02-02", occupationName = "货车司机", vacancies = 5, plannedHires = 6, note = "夜班" } },
        }));
        Assert.Equal(5, filed.TotalVacancies);
        Assert.Single(await ContractJson.GetAsync<IReadOnlyList<VacancyReportResponse>>(employer, "/api/vacancy-reports/mine"));
        Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<VacancyReportResponse>>(caseworker, $"/api/vacancy-reports?month={month}&region=150100"),
            report => report.Id == filed.Id);
        Assert.NotEmpty((await ContractJson.GetAsync<VacancyReportTotals>(caseworker, $"/api/vacancy-reports/by-occupation?month={month}&region=150100")).Occupations);

        var layoff = await ContractJson.ReadAsync<LayoffReportResponse>(await employer.PostAsJsonAsync("/api/layoff-reports", new
        {
            affected = 35, workforce = 300, effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), reasonCode = "seriousDifficulty",
            reason = "受市场影响订单减少，二车间停产。",
        }), HttpStatusCode.Created);
        Assert.True(layoff.Statutory);
        Assert.Single(await ContractJson.GetAsync<IReadOnlyList<LayoffReportResponse>>(employer, "/api/layoff-reports/mine"));
        Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<LayoffReportResponse>>(caseworker, "/api/layoff-reports?region=150100"),
            report => report.Id == layoff.Id);

        var created = await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsJsonAsync("/api/postings", new
        {
            title = "货车司机", description = $"城市配送，{Guid.NewGuid():N}。", skills = new[] { "驾驶" }, regionCode = "150105", latitude = 40.81,
            longitude = 111.70, salaryMin = 6000, salaryMax = 8000, vacancies = 3, nationalOccupationCode = "4-02-02-02",
        }), HttpStatusCode.Created);
        await ContractJson.ReadAsync<PostingResponse>(await employer.PostAsync(new Uri($"/api/postings/{created.Id}/publish", UriKind.Relative), null));
        var demand = await ContractJson.GetAsync<LabourDemand>(caseworker, $"/api/postings/monitoring/demand?region=150100&month={month}");
        Assert.Contains(demand.Occupations, occupation => occupation.OccupationCode == "4-02-02-02");
    }
}
