using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Organisations;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Key-enterprise status (重点企业): a caseworker of the organisation's region marks or unmarks it with a reason
/// (audited, KeyEnterpriseStatusChanged through the outbox); caseworkers list their key enterprises with whether each
/// has filed this month's vacancy report; the employer sees its status and, once marked, files the report.
/// </summary>
public sealed class KeyEnterprisesTests : OrganisationsHost
{
    private static readonly string ThisMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, string creditCode, bool keyEnterprise, string reason = "纳入本市重点企业用工监测名单。") =>
        client.PostAsJsonAsync("/api/organisations/key-enterprises", new { creditCode, keyEnterprise, reason });

    private static async Task<List<KeyEnterpriseItem>> ListAsync(HttpClient client, string region = "150100") =>
        (await client.GetFromJsonAsync<List<KeyEnterpriseItem>>(new Uri($"/api/organisations/key-enterprises?region={region}", UriKind.Relative), Json))!;

    [Fact]
    public async Task A_caseworker_of_the_region_marks_a_key_enterprise_that_is_listed_until_it_files_and_unmarks_it_audited()
    {
        var employerId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, ownerId);
        await DecideAsync(organisation.Id, "verified");
        var caseworkerId = Guid.NewGuid();
        using var hohhot = Factory.ClientWithToken(TestTokens.Caseworker(caseworkerId, "150100"));
        using var baotou = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var employer = Factory.ClientWithToken(TestTokens.Employer(ownerId, employerId));

        using var elsewhere = await MarkAsync(baotou, organisation.CreditCode, true);
        using var unknown = await MarkAsync(hohhot, NewCreditCode(), true);
        using var byEmployer = await MarkAsync(employer, organisation.CreditCode, true);
        using var notYet = await employer.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report());
        using var marked = await MarkAsync(hohhot, organisation.CreditCode, true);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (elsewhere.StatusCode, unknown.StatusCode, byEmployer.StatusCode, notYet.StatusCode));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var mine = (await employer.GetFromJsonAsync<OrganisationResponse>(new Uri("/api/organisations/mine", UriKind.Relative), Json))!;
        Assert.Equal((true, "纳入本市重点企业用工监测名单。"), (mine.KeyEnterprise, mine.KeyEnterpriseReason));
        var listed = Assert.Single(await ListAsync(hohhot), item => item.Id == organisation.Id);
        Assert.Equal((false, ThisMonth), (listed.Filed, listed.Month));
        Assert.DoesNotContain(await ListAsync(baotou, "150200"), item => item.Id == organisation.Id);
        using (var otherRegion = await baotou.GetAsync(new Uri("/api/organisations/key-enterprises?region=150100", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, otherRegion.StatusCode);

        // Marked on its organisation, the employer files without the provisioned accounts' key_enterprise claim.
        using var filed = await employer.PutAsJsonAsync($"/api/vacancy-reports/{ThisMonth}", Report());
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var afterFiling = Assert.Single(await ListAsync(hohhot), item => item.Id == organisation.Id);
        Assert.Equal((true, 6), (afterFiling.Filed, afterFiling.Vacancies));

        using var unmarked = await MarkAsync(hohhot, organisation.CreditCode, false, "企业已迁出本市。");
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        Assert.DoesNotContain(await ListAsync(hohhot), item => item.Id == organisation.Id);
        var audit = (await hohhot.GetFromJsonAsync<List<OrganisationAuditEntry>>(new Uri($"/api/organisations/{organisation.Id}/audit", UriKind.Relative), Json))!;
        Assert.Equal([("marked-key-enterprise", "纳入本市重点企业用工监测名单。"), ("unmarked-key-enterprise", "企业已迁出本市。")],
            audit.Where(entry => entry.Action.Contains("key-enterprise", StringComparison.Ordinal)).Select(entry => (entry.Action, entry.Reason)));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var events = (await connection.QueryAsync<string>(
            "SELECT body::text FROM outbox WHERE message_type = 'JobMatch.Contracts.KeyEnterpriseStatusChanged' AND body->>'organisationId' = @id ORDER BY position",
            new { id = organisation.Id.ToString() })).AsList();
        Assert.Equal(2, events.Count);
        Assert.All(events, body => Assert.DoesNotContain("迁出", body, StringComparison.Ordinal));
        Assert.Contains(caseworkerId.ToString(), events[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "统一社会信用代码", "请写明原因")]
    [InlineData("en", "The unified social credit code", "Say why")]
    public async Task A_mark_names_each_bad_field_in_the_callers_language(string? language, string creditCodeMessage, string reasonMessage)
    {
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations/key-enterprises")
        {
            Content = JsonContent.Create(new { creditCode = "91150105MA13QW8K79", reason = "\u200b " }),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await caseworker.SendAsync(request);

        Assert.Equal(["creditCode", "keyEnterprise", "reason"], await ProblemAssert.IsValidationProblemAsync(response));
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith(creditCodeMessage, errors.GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith(reasonMessage, errors.GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        using var badMonth = await caseworker.GetAsync(new Uri("/api/organisations/key-enterprises?region=150100&month=2026-13", UriKind.Relative));
        Assert.Equal(["month"], await ProblemAssert.IsValidationProblemAsync(badMonth));
    }

    private static object Report() => new
    {
        regionCode = "150105",
        lines = new[] { new { occupationCode = "6-18-02", occupationName = "电焊工", vacancies = 6, plannedHires = 8 } },
    };
}
