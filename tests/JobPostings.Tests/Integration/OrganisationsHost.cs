using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using JobMatch.Domain.Organisations;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.Testing;
using JobPostings.Api.Organisations;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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

    /// <summary>A self-registered employer's token, as the gateway's development issuer signs it (organisation_required).</summary>
    protected static string SelfRegisteredEmployerToken(Guid userId, Guid employerId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "jobmatch-dev",
        Audience = "jobmatch",
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            [JobMatchClaims.Subject] = userId.ToString(),
            [JobMatchClaims.Role] = Roles.Employer,
            [JobMatchClaims.EmployerId] = employerId.ToString(),
            [JobMatchClaims.OrganisationRequired] = "true",
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSecrets.SigningKey)), SecurityAlgorithms.HmacSha256),
    });

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
        using var owner = Factory.ClientWithToken(TestTokens.Employer(ownerId, employerId));
        using var response = await owner.PostAsJsonAsync("/api/organisations", registration ?? Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrganisationResponse>(Json))!;
    }

    protected async Task DecideAsync(Guid organisationId, string status, string region = "150100", string reason = "营业执照与国家企业信用信息公示系统一致。")
    {
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), region));
        using var response = await caseworker.PostAsJsonAsync($"/api/organisations/{organisationId}/decision", new { status, reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
