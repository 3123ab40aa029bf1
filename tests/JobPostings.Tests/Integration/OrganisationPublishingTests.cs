using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;
using JobPostings.Api.Organisations;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Only verified organisations publish: a self-registered employer without a verified organisation gets a field-level
/// problem in its language and its draft stays a draft; once verified, the job page names the organisation and shows
/// its label.
/// </summary>
public sealed class OrganisationPublishingTests : OrganisationsHost
{
    private async Task<(HttpResponseMessage Response, PostingResponse Draft)> PublishAsync(string token, string? language = null)
    {
        using var client = Factory.ClientWithToken(token);
        using var created = await client.PostAsJsonAsync("/api/postings", ValidPosting());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/postings/{draft.Id}/publish");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return (await client.SendAsync(request), draft);
    }

    private static async Task<string> OrganisationMessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(["organisation"], await ProblemAssert.IsValidationProblemAsync(response));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").GetProperty("organisation")[0].GetString()!;
    }

    [Fact]
    public async Task A_self_registered_employer_without_an_organisation_is_told_to_register_it_first()
    {
        var employerId = Guid.NewGuid();
        var (response, draft) = await PublishAsync(SelfRegisteredEmployerToken(Guid.NewGuid(), employerId));
        using (response) Assert.Equal("请先注册单位信息：通过认证的单位才能发布招聘信息。", await OrganisationMessageAsync(response));
        Assert.Equal(PostingStatus.Draft, (await GetAsOwnerAsync(employerId, draft.Id)).Status);
        Assert.Empty(await TransitionsAsync(draft.Id));
    }

    [Fact]
    public async Task A_pending_or_rejected_organisation_cannot_publish_and_a_verified_one_can_with_its_label_on_the_job_page()
    {
        var employerId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, ownerId);
        var token = SelfRegisteredEmployerToken(ownerId, employerId);

        var (pending, _) = await PublishAsync(token, "en");
        using (pending) Assert.Equal("Your organisation is pending: only verified organisations publish postings.", await OrganisationMessageAsync(pending));
        await DecideAsync(organisation.Id, "needsInformation");
        var (asked, _) = await PublishAsync(token);
        using (asked) Assert.Equal("单位认证状态为“需补充材料”：通过认证的单位才能发布招聘信息。", await OrganisationMessageAsync(asked));

        await DecideAsync(organisation.Id, "verified");
        var (verified, draft) = await PublishAsync(token);
        using (verified) Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        using var anonymous = Factory.CreateClient();
        var page = await anonymous.GetFromJsonAsync<PostingResponse>(new Uri($"/api/postings/{draft.Id}", UriKind.Relative), Json);
        Assert.Equal((PostingStatus.Published, OrganisationStatus.Verified, "呼和浩特市赛罕区草原乳业有限公司"),
            (page!.Status, page.OrganisationStatus, page.EmployerName));
        // The contact's personal data is not on the public page.
        Assert.DoesNotContain(organisation.ContactPhone, await anonymous.GetStringAsync(new Uri($"/api/postings/{draft.Id}", UriKind.Relative)), StringComparison.Ordinal);

        await DecideAsync(organisation.Id, "rejected");
        var (rejected, _) = await PublishAsync(TestTokens.Employer(Guid.NewGuid(), employerId));
        using (rejected) Assert.Contains("未通过", await OrganisationMessageAsync(rejected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employer_the_bureau_provisioned_before_organisations_still_publishes()
    {
        var (response, _) = await PublishAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
