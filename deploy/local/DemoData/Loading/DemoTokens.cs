using System.Collections.Concurrent;
using System.Text;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.DemoData.Loading;

/// <summary>
/// Tokens for the demo market's people, signed with the local signing key run.sh generated (.local/secrets.env,
/// Auth__SigningKey), exactly as the gateway's development issuer signs them: so every posting, profile and
/// application belongs to its own employer, seeker or caseworker. Only for a local run: a deployment with an OpenID
/// Connect provider has no shared key, and this loader cannot run there.
/// </summary>
public sealed class DemoTokens(string signingKey, string issuer = "jobmatch-dev", string audience = "jobmatch")
{
    private readonly SigningCredentials credentials = new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);
    private readonly ConcurrentDictionary<Guid, string> cache = new();
    private readonly DateTime issuedAt = DateTime.UtcNow;

    public string Seeker(Guid userId) => cache.GetOrAdd(userId, id => Create(id, Roles.Seeker, null, null, null));

    public string Employer(Guid userId, Guid employerId, string name) =>
        cache.GetOrAdd(userId, id => Create(id, Roles.Employer, employerId, name, null));

    public string Caseworker(Guid userId, string region, string name) => cache.GetOrAdd(userId, id => Create(id, Roles.Caseworker, null, name, region));

    private string Create(Guid userId, string role, Guid? employerId, string? name, string? region)
    {
        var claims = new Dictionary<string, object> { [JobMatchClaims.Subject] = userId.ToString(), [JobMatchClaims.Role] = role };
        if (employerId is { } employer) claims[JobMatchClaims.EmployerId] = employer.ToString();
        if (name is not null) claims[JobMatchClaims.Name] = name;
        if (region is not null) claims[JobMatchClaims.Region] = new[] { region };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddHours(2),
            Claims = claims,
            SigningCredentials = credentials,
        });
    }
}
