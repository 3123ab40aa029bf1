using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Signs JobMatch tokens for seeded demo accounts, so the platform runs locally without an identity provider.
/// Mapped only when Auth:DevelopmentIssuer:Enabled is true; production points Auth:Authority at a real provider.
/// </summary>
public static class DevelopmentIssuerApi
{
    public static IHostApplicationBuilder AddDevelopmentIssuer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevelopmentIssuerOptions>().BindConfiguration("Auth:DevelopmentIssuer");
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static IEndpointRouteBuilder MapDevelopmentIssuer(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DevelopmentIssuerOptions>>().Value.Enabled) return endpoints;
        endpoints.MapApiGroup("/api/auth", "Authentication").MapPost("/token", IssueToken).AllowAnonymous();
        return endpoints;
    }

    public static Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult> IssueToken(
        TokenRequest request, IOptions<DevelopmentIssuerOptions> options, IConfiguration configuration, TimeProvider clock)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Username), "username", "A username is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "A password is required.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var account = options.Value.Accounts.FirstOrDefault(a => string.Equals(a.Username, request.Username, StringComparison.OrdinalIgnoreCase));
        if (account is null || !PasswordHash.Verify(request.Password!, account.PasswordHash))
            return TypedResults.Problem(title: "Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized);

        var settings = AuthSettings.From(configuration);
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JobMatchClaims.Subject] = account.UserId.ToString(),
            [JobMatchClaims.Role] = account.Role,
            [JobMatchClaims.Name] = account.DisplayName,
        };
        if (account.EmployerId is { } employerId) claims[JobMatchClaims.EmployerId] = employerId.ToString();
        if (account.Regions.Count > 0) claims[JobMatchClaims.Region] = account.Regions.ToArray();
        if (account.KeyEnterprise) claims[JobMatchClaims.KeyEnterprise] = "true";
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)options.Value.TokenLifetime.TotalSeconds, account.UserId, account.Role));
    }
}

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, Guid UserId, string Role);
