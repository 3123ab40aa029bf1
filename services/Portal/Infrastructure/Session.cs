using System.Security.Claims;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Infrastructure;

/// <summary>Turns a gateway token answer into the portal's auth cookie: the token's claims, and the token for API calls.</summary>
public static class Session
{
    /// <param name="consents">The answers a new seeker gave at registration, kept until their first profile is saved.</param>
    public static async Task SignInAsync(HttpContext context, TokenResponse tokenAnswer, IReadOnlyDictionary<string, bool>? consents = null)
    {
        var token = tokenAnswer.AccessToken;
        var payload = Payload(token);
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, PortalClaims.Name, PortalClaims.Role);
        foreach (var name in new[] { PortalClaims.Subject, PortalClaims.Role, PortalClaims.Name, PortalClaims.EmployerId, PortalClaims.KeyEnterprise })
            if (payload[name] is JsonValue value) identity.AddClaim(new Claim(name, value.ToString()));
        switch (payload[PortalClaims.Region])
        {
            case JsonArray regions:
                foreach (var region in regions) identity.AddClaim(new Claim(PortalClaims.Region, region!.ToString()));
                break;
            case JsonValue region:
                identity.AddClaim(new Claim(PortalClaims.Region, region.ToString()));
                break;
        }
        identity.AddClaim(new Claim(PortalClaims.AccessToken, token));
        if (consents is not null)
            identity.AddClaim(new Claim(PortalClaims.Consents, string.Join(",", consents.Select(pair => $"{pair.Key}={(pair.Value ? 1 : 0)}"))));
        var expires = payload["exp"] is JsonValue exp ? DateTimeOffset.FromUnixTimeSeconds(exp.GetValue<long>()) : DateTimeOffset.UtcNow.AddHours(1);
        await context.SignInAsync(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false });
    }

    /// <summary>The consents asked at registration, or null when this session did not start with a registration.</summary>
    public static IReadOnlyDictionary<string, bool>? ConsentAnswers(ClaimsPrincipal user) =>
        user.FindFirst(PortalClaims.Consents)?.Value is { } answers
            ? answers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')).Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1] == "1", StringComparer.Ordinal)
            : null;

    /// <summary>Where a role starts.</summary>
    public static string HomeOf(string? role) => role switch
    {
        "seeker" => "/Seeker/Recommendations",
        "employer" => "/Employer",
        "caseworker" or "administrator" => "/Caseworker",
        _ => "/",
    };

    /// <summary>
    /// The token's payload; the portal trusts it because it came straight from the gateway, which checks it on every call.
    /// A JWT's claims, not an API answer: read as JSON nodes, since which claims a token carries varies by role.
    /// </summary>
    private static JsonObject Payload(string token)
    {
        var part = token.Split('.') is [_, var body, ..] ? body : "";
        part = part.Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(part)) as JsonObject ?? [];
    }
}
