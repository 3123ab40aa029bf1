using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;
using JobPostings.Api.Organisations;

namespace JobPostings.Tests.Integration;

/// <summary>
/// The public company page (no sign-in: name, label, industry, size, place, open postings), and the abnormal-account
/// list that refuses a listed credit code or contact phone at registration.
/// </summary>
public sealed class CompanyPageAndAbnormalListTests : OrganisationsHost
{
    [Fact]
    public async Task Anyone_reads_the_company_page_with_its_label_and_open_postings_but_no_contact_details()
    {
        var employerId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, ownerId);
        await DecideAsync(organisation.Id, "verified");
        var open = await CreatePublishedAsync(employerId, "挤奶工");
        var draft = await CreateAsync(employerId, "Draft only");

        using var anonymous = Factory.CreateClient();
        using var response = await anonymous.GetAsync(new Uri($"/api/organisations/{employerId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var page = JsonSerializer.Deserialize<CompanyPage>(raw, Json)!;
        Assert.Equal(("呼和浩特市赛罕区草原乳业有限公司", OrganisationStatus.Verified, "制造业", "呼和浩特市赛罕区"),
            (page.LegalName, page.Status, page.IndustryName, page.RegionName));
        Assert.Equal([open.Id], page.OpenPostings.Select(posting => posting.Id));
        Assert.DoesNotContain(draft.Id.ToString(), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(organisation.ContactPhone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("王丽", raw, StringComparison.Ordinal);

        using var unknown = await anonymous.GetAsync(new Uri($"/api/organisations/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_listed_organisations_credit_code_and_phone_cannot_register_again()
    {
        var phone = NewPhone();
        var organisation = await RegisterAsync(Guid.NewGuid(), Guid.NewGuid(), Registration(phone: phone));
        using var baotou = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var elsewhere = await baotou.PostAsJsonAsync("/api/organisations/abnormal", new { organisationId = organisation.Id, reason = "培训贷" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var listed = await hohhot.PostAsJsonAsync("/api/organisations/abnormal", new { organisationId = organisation.Id, reason = "以招聘名义收取培训费（培训贷）。" });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var entry = (await listed.Content.ReadFromJsonAsync<AbnormalAccount>(Json))!;
        Assert.Equal((organisation.CreditCode, true), (entry.CreditCode, entry.PhoneListed));
        Assert.DoesNotContain(phone, await hohhot.GetStringAsync(new Uri("/api/organisations/abnormal", UriKind.Relative)), StringComparison.Ordinal);

        // The same code under a new account, then only the same phone: each refused, naming its field.
        using var again = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var sameCode = await again.PostAsJsonAsync("/api/organisations", Registration(organisation.CreditCode));
        Assert.Equal(["creditCode"], await ProblemAssert.IsValidationProblemAsync(sameCode));
        Assert.Contains("异常账户名单", await sameCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var samePhone = await again.PostAsJsonAsync("/api/organisations", Registration(phone: phone));
        Assert.Equal(["contactPhone"], await ProblemAssert.IsValidationProblemAsync(samePhone));

        var audit = await hohhot.GetFromJsonAsync<List<OrganisationAuditEntry>>(new Uri($"/api/organisations/{organisation.Id}/audit", UriKind.Relative), Json);
        Assert.Equal("listed-abnormal", Assert.Single(audit!).Action);
    }

    [Fact]
    public async Task A_code_or_phone_alone_can_be_listed_and_a_listing_needs_a_reason_and_staff()
    {
        var code = NewCreditCode();
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));
        using (var listed = await administrator.PostAsJsonAsync("/api/organisations/abnormal", new { creditCode = code.ToLowerInvariant(), reason = "虚假招聘" }))
            Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        using var employer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var refused = await employer.PostAsJsonAsync("/api/organisations", Registration(code));
        Assert.Equal(["creditCode"], await ProblemAssert.IsValidationProblemAsync(refused));

        using var empty = await administrator.PostAsJsonAsync("/api/organisations/abnormal", new { reason = "" });
        Assert.Equal(["creditCode", "reason"], await ProblemAssert.IsValidationProblemAsync(empty));
        using var byEmployer = await employer.PostAsJsonAsync("/api/organisations/abnormal", new { creditCode = NewCreditCode(), reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byEmployer.StatusCode);
    }
}
