using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;
using JobPostings.Api.Applications;

namespace JobPostings.Tests.Integration;

/// <summary>A posting's applicants in numbered pages, of one status or all, with the posting's totals per status.</summary>
public sealed class ApplicantsPagingTests : PostingsHost
{
    private async Task<(Guid EmployerId, Guid PostingId, List<ApplicationResponse> Applied)> SevenApplicantsAsync()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        var applied = new List<ApplicationResponse>();
        for (var i = 0; i < 7; i++)
        {
            using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
            using var response = await seeker.PostAsJsonAsync($"/api/postings/{posting.Id}/applications", new { });
            applied.Add((await response.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!);
        }
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        foreach (var (application, steps) in new[] { (applied[1], new[] { "interview" }), (applied[4], ["interview"]), (applied[5], ["interview", "offer", "hired"]) })
        {
            foreach (var step in steps)
            {
                using var moved = await ApplicationsTests.MoveAsync(employer, application.Id, step);
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            }
        }
        return (employerId, posting.Id, applied);
    }

    private static async Task<ApplicantsPage> PageAsync(HttpClient client, Guid postingId, string query) =>
        (await client.GetFromJsonAsync<ApplicantsPage>(new Uri($"/api/postings/{postingId}/applications?{query}", UriKind.Relative), Json))!;

    [Fact]
    public async Task Pages_hold_every_applicant_once_first_applied_first_and_the_totals_count_each_status()
    {
        var (employerId, postingId, applied) = await SevenApplicantsAsync();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));

        var pages = new[] { await PageAsync(employer, postingId, "limit=3"), await PageAsync(employer, postingId, "limit=3&page=2"),
            await PageAsync(employer, postingId, "limit=3&page=3") };
        var beyond = await PageAsync(employer, postingId, "limit=3&page=4");
        var unpaged = await PageAsync(employer, postingId, "");

        Assert.Equal([3, 3, 1], pages.Select(page => page.Items.Count));
        Assert.Equal(applied.Select(a => a.Id), pages.SelectMany(page => page.Items).Select(a => a.Id));
        Assert.All(pages, page => Assert.Equal((7, 3), (page.Total, page.Limit)));
        Assert.Equal([1, 2, 3], pages.Select(page => page.Page));
        Assert.Equal(new ApplicantTotals(All: 7, Submitted: 4, Viewed: 0, Interview: 2, Offer: 0, Hired: 1, Rejected: 0, Withdrawn: 0), pages[0].Totals);
        Assert.Empty(beyond.Items);
        Assert.Equal((7, 1, ApplicantsQuery.DefaultLimit), (unpaged.Items.Count, unpaged.Page, unpaged.Limit));
    }

    [Fact]
    public async Task A_status_filter_keeps_that_status_and_its_total_while_the_totals_still_count_them_all()
    {
        var (employerId, postingId, applied) = await SevenApplicantsAsync();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));

        var interviews = await PageAsync(employer, postingId, "status=interview");
        var hired = await PageAsync(employer, postingId, "status=Hired&limit=1");
        var rejected = await PageAsync(employer, postingId, "status=rejected");

        Assert.Equal([applied[1].Id, applied[4].Id], interviews.Items.Select(a => a.Id));
        Assert.Equal((2, 7), (interviews.Total, interviews.Totals.All));
        Assert.Equal([applied[5].Id], hired.Items.Select(a => a.Id));
        Assert.Equal(1, hired.Total);
        Assert.Equal((0, 0, 7), (rejected.Items.Count, rejected.Total, rejected.Totals.All));
    }

    [Fact]
    public async Task Bad_paging_or_status_is_a_400_naming_the_field_in_the_callers_language_and_other_employers_still_get_403()
    {
        var (employerId, postingId, _) = await SevenApplicantsAsync();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        using var otherEmployer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        async Task<HttpResponseMessage> GetAsync(HttpClient client, string query, string language = "zh-CN")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/postings/{postingId}/applications?{query}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            return await client.SendAsync(request);
        }

        using var outOfRange = await GetAsync(employer, "limit=101&page=0&status=accepted");
        using var english = await GetAsync(employer, "limit=0&status=3", "en");
        using var notANumber = await GetAsync(employer, "page=two");
        using var otherOrganisation = await GetAsync(otherEmployer, "limit=3&page=2");
        using var otherOrganisationBadInput = await GetAsync(otherEmployer, "limit=0");

        Assert.Equal(["limit", "page", "status"], await ProblemAssert.IsValidationProblemAsync(outOfRange));
        var chinese = (await ProblemAssert.IsProblemAsync(outOfRange, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("每页数量应在 1 到 100 之间。", chinese.GetProperty("limit")[0].GetString());
        Assert.Equal("页码应在 1 到 1000 之间。", chinese.GetProperty("page")[0].GetString());
        Assert.StartsWith("状态应为", chinese.GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        var inEnglish = (await ProblemAssert.IsProblemAsync(english, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("The limit is between 1 and 100.", inEnglish.GetProperty("limit")[0].GetString());
        Assert.Equal("The status is submitted, viewed, interview, offer, hired, rejected or withdrawn.", inEnglish.GetProperty("status")[0].GetString());
        var unreadable = (await ProblemAssert.IsProblemAsync(notANumber, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("请填写数字。", unreadable.GetProperty("page")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisationBadInput.StatusCode);
    }

    [Fact]
    public async Task Staff_reading_a_page_leave_an_audit_entry_for_the_applicants_on_it_only()
    {
        var (_, postingId, applied) = await SevenApplicantsAsync();
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        var page = await PageAsync(caseworker, postingId, "limit=2&page=2&reason=" + Uri.EscapeDataString("核对面试名单"));

        Assert.Equal([applied[2].Id, applied[3].Id], page.Items.Select(a => a.Id));
        Assert.Equal("list-applicants", Assert.Single(await StaffReadsAsync(applied[2].SeekerId)).GetProperty("action").GetString());
        Assert.Equal("list-applicants", Assert.Single(await StaffReadsAsync(applied[3].SeekerId)).GetProperty("action").GetString());
        Assert.Empty(await StaffReadsAsync(applied[0].SeekerId));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_paging_parameters_as_they_are_called_and_types_them_as_integers()
    {
        using var client = Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/postings/{postingId}/applications").GetProperty("get");
        Assert.Equal("ListApplicants", operation.GetProperty("operationId").GetString());
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"),
            StringComparer.Ordinal);
        foreach (var name in new[] { "page", "limit" })
        {
            var type = parameters[name].GetProperty("type");
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
            Assert.Contains("integer", types);
            Assert.DoesNotContain("string", types);
        }
    }
}
