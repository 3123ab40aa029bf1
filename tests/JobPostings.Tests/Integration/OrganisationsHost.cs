using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using JobMatch.Domain.Organisations;
using JobPostings.Api.Organisations;

namespace JobPostings.Tests.Integration;

/// <summary>Registering and verifying organisations, for the tests of organisations and of what they may do.</summary>
public abstract class OrganisationsHost : PostingsHost
{
    /// <summary>A valid credit code of its own (Hohhot Saihan district, random organisation code): tests share a database.</summary>
    protected static string NewCreditCode()
    {
        var first17 = "91150105" + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[RandomNumberGenerator.GetInt32(CreditCode.Alphabet.Length)]));
        return first17 + CreditCode.CheckCharacter(first17);
    }

    protected static string NewPhone() => "139" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000);

    protected static object Registration(string? creditCode = null, string regionCode = "150105", string? phone = null) => new
    {
        creditCode = creditCode ?? NewCreditCode(),
        legalName = "呼和浩特市赛罕区草原乳业有限公司",
        industry = "C",
        size = "small",
        regionCode,
        address = "呼和浩特市赛罕区大学东街 88 号",
        contactName = "王丽",
        contactPhone = phone ?? NewPhone(),
    };

    protected async Task<OrganisationResponse> RegisterAsync(Guid employerId, Guid ownerId, object? registration = null)
    {
        using var owner = Factory.ClientWithToken(JobMatch.Testing.TestTokens.Employer(ownerId, employerId));
        using var response = await owner.PostAsJsonAsync("/api/organisations", registration ?? Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrganisationResponse>(Json))!;
    }

    protected async Task DecideAsync(Guid organisationId, string status, string region = "150100", string reason = "营业执照与国家企业信用信息公示系统一致。")
    {
        using var caseworker = Factory.ClientWithToken(JobMatch.Testing.TestTokens.Caseworker(Guid.NewGuid(), region));
        using var response = await caseworker.PostAsJsonAsync($"/api/organisations/{organisationId}/decision", new { status, reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
