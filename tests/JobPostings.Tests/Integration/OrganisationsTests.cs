using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Domain.Organisations;
using JobMatch.Testing;
using JobPostings.Api.Organisations;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Employers register their organisation; a caseworker of its region verifies it, asks for more, or rejects it, with a
/// reason in an append-only audit; the contact's personal data is sealed at rest and leaves only to the organisation.
/// </summary>
public sealed class OrganisationsTests : OrganisationsHost
{
    [Fact]
    public async Task A_registration_is_stored_pending_with_its_owner_and_the_contact_sealed()
    {
        var employerId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var code = NewCreditCode();
        var phone = NewPhone();

        // Copied from a licence: spaces, lower case and a full-width digit are normalised before the code is checked.
        var written = string.Join(' ', code.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant().Replace('1', '１');
        var organisation = await RegisterAsync(employerId, ownerId, Registration(written, phone: phone));

        Assert.Equal((employerId, ownerId, code, OrganisationStatus.Pending), (organisation.Id, organisation.OwnerUserId, organisation.CreditCode, organisation.Status));
        Assert.Equal(("王丽", phone, OrganisationSize.Small, "C"), (organisation.ContactName, organisation.ContactPhone, organisation.Size, organisation.Industry));
        Assert.Equal("呼和浩特市赛罕区", organisation.RegionName);
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>(
            "SELECT row_to_json(organisations)::text FROM organisations WHERE id = @employerId", new { employerId });
        Assert.DoesNotContain(phone, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("王丽", stored, StringComparison.Ordinal);
        // The organisation's users read it back; its id is their employer_id.
        using var colleague = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        var mine = await colleague.GetFromJsonAsync<OrganisationResponse>(new Uri("/api/organisations/mine", UriKind.Relative), Json);
        Assert.Equal(phone, mine!.ContactPhone);
    }

    [Fact]
    public async Task Each_wrong_field_is_named_in_chinese_by_default_and_in_english_when_asked()
    {
        using var employer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        var wrong = new
        {
            creditCode = "91150105MA13QW8K79", legalName = "", industry = "Z", size = "huge", regionCode = "110101",
            address = " ", contactName = "", contactPhone = "12345",
        };

        using var chinese = await employer.PostAsJsonAsync("/api/organisations", wrong with { size = "small" });
        var fields = await ProblemAssert.IsValidationProblemAsync(chinese);
        Assert.Equal(["address", "contactName", "contactPhone", "creditCode", "industry", "legalName", "regionCode"], fields);
        var problem = JsonDocument.Parse(await chinese.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("统一社会信用代码", problem.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = JsonContent.Create(wrong with { size = "small" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await employer.SendAsync(request);
        var englishProblem = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("The unified social credit code", englishProblem.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undefined_size_is_a_field_error_not_a_500()
    {
        using var employer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var response = await employer.PostAsJsonAsync("/api/organisations", new { creditCode = NewCreditCode(), size = 99 });
        Assert.Contains("size", await ProblemAssert.IsValidationProblemAsync(response));
    }

    [Fact]
    public async Task A_credit_code_registers_once_and_an_employer_once()
    {
        var code = NewCreditCode();
        var employerId = Guid.NewGuid();
        await RegisterAsync(employerId, Guid.NewGuid(), Registration(code));

        using var other = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var sameCode = await other.PostAsJsonAsync("/api/organisations", Registration(code));
        Assert.Equal(["creditCode"], await ProblemAssert.IsValidationProblemAsync(sameCode));

        using var same = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        using var again = await same.PostAsJsonAsync("/api/organisations", Registration());
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_caseworker_of_the_region_sees_it_waiting_and_decides_with_a_reason_that_is_audited()
    {
        var organisation = await RegisterAsync(Guid.NewGuid(), Guid.NewGuid());
        var caseworkerId = Guid.NewGuid();
        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150100"));
        using var baotou = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        var queue = await hohhot.GetFromJsonAsync<List<VerificationItem>>(new Uri("/api/organisations/verification", UriKind.Relative), Json);
        Assert.Contains(queue!, item => item.Id == organisation.Id && item.Status == OrganisationStatus.Pending);
        Assert.DoesNotContain((await baotou.GetFromJsonAsync<List<VerificationItem>>(new Uri("/api/organisations/verification", UriKind.Relative), Json))!,
            item => item.Id == organisation.Id);
        // The queue carries what the licence is checked against, never the contact's personal data.
        var raw = await hohhot.GetStringAsync(new Uri("/api/organisations/verification", UriKind.Relative));
        Assert.DoesNotContain(organisation.ContactPhone, raw, StringComparison.Ordinal);

        using var elsewhere = await baotou.PostAsJsonAsync($"/api/organisations/{organisation.Id}/decision", new { status = "verified", reason = "ok" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var noReason = await hohhot.PostAsJsonAsync($"/api/organisations/{organisation.Id}/decision", new { status = "verified", reason = "" });
        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(noReason));
        using var pending = await hohhot.PostAsJsonAsync($"/api/organisations/{organisation.Id}/decision", new { status = "pending", reason = "?" });
        Assert.Equal(["status"], await ProblemAssert.IsValidationProblemAsync(pending));

        using var asked = await hohhot.PostAsJsonAsync($"/api/organisations/{organisation.Id}/decision",
            new { status = "needsInformation", reason = "请上传营业执照副本。" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using var verified = await hohhot.PostAsJsonAsync($"/api/organisations/{organisation.Id}/decision",
            new { status = "verified", reason = "与公示系统一致。" });
        Assert.Equal(OrganisationStatus.Verified, (await verified.Content.ReadFromJsonAsync<VerificationItem>(Json))!.Status);
        Assert.DoesNotContain((await hohhot.GetFromJsonAsync<List<VerificationItem>>(new Uri("/api/organisations/verification", UriKind.Relative), Json))!,
            item => item.Id == organisation.Id);

        var audit = await hohhot.GetFromJsonAsync<List<OrganisationAuditEntry>>(new Uri($"/api/organisations/{organisation.Id}/audit", UriKind.Relative), Json);
        Assert.Equal([("needsInformation", "请上传营业执照副本。"), ("verified", "与公示系统一致。")], audit!.Select(entry => (entry.Action, entry.Reason)));
        Assert.All(audit!, entry => Assert.Equal((caseworkerId, "caseworker"), (entry.StaffId, entry.StaffRole)));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync("DELETE FROM organisation_audit"));
    }

    [Fact]
    public async Task The_owner_corrects_a_registration_asked_for_more_and_it_waits_again_but_a_colleague_cannot()
    {
        var employerId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, ownerId);
        await DecideAsync(organisation.Id, "needsInformation");

        using var colleague = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        using var refused = await colleague.PutAsJsonAsync("/api/organisations/mine", Registration(organisation.CreditCode));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var owner = Factory.ClientWithToken(TestTokens.Employer(ownerId, employerId));
        using var corrected = await owner.PutAsJsonAsync("/api/organisations/mine", Registration(organisation.CreditCode, regionCode: "150102"));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var again = (await corrected.Content.ReadFromJsonAsync<OrganisationResponse>(Json))!;
        Assert.Equal((OrganisationStatus.Pending, "150102"), (again.Status, again.RegionCode));

        await DecideAsync(organisation.Id, "rejected");
        using var afterRejection = await owner.PutAsJsonAsync("/api/organisations/mine", Registration(organisation.CreditCode));
        await ProblemAssert.IsProblemAsync(afterRejection, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_employers_register_and_another_employers_organisation_is_not_theirs()
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var bySeeker = await seeker.PostAsJsonAsync("/api/organisations", Registration());
        Assert.Equal(HttpStatusCode.Forbidden, bySeeker.StatusCode);

        await RegisterAsync(Guid.NewGuid(), Guid.NewGuid());
        using var stranger = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var mine = await stranger.GetAsync(new Uri("/api/organisations/mine", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
        using var staffOnly = await stranger.GetAsync(new Uri("/api/organisations/verification", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, staffOnly.StatusCode);
    }

    [Fact]
    public void The_test_codes_are_valid() => Assert.True(CreditCode.IsValid(NewCreditCode()));
}
