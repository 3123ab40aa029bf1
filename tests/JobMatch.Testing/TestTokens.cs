using System.Text;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Testing;

/// <summary>Signed tokens for test callers, as the development issuer would make them.</summary>
public static class TestTokens
{
    public static string Seeker(Guid userId) => Create(userId, Roles.Seeker);

    public static string Employer(Guid userId, Guid employerId) => Create(userId, Roles.Employer, employerId: employerId);

    public static string Caseworker(Guid userId, params string[] regions) => Create(userId, Roles.Caseworker, regions: regions);

    public static string Administrator(Guid userId) => Create(userId, Roles.Administrator);

    public static string Create(Guid userId, string role, Guid? employerId = null, string[]? regions = null,
        string? signingKey = null, string issuer = "jobmatch-dev", string audience = "jobmatch", DateTime? expires = null)
    {
        var claims = new Dictionary<string, object> { [JobMatchClaims.Subject] = userId.ToString(), [JobMatchClaims.Role] = role };
        if (employerId is { } employer) claims[JobMatchClaims.EmployerId] = employer.ToString();
        if (regions is { Length: > 0 }) claims[JobMatchClaims.Region] = regions;
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry < now ? expiry.AddMinutes(-10) : now,
            NotBefore = expiry < now ? expiry.AddMinutes(-10) : now,
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? TestSecrets.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
