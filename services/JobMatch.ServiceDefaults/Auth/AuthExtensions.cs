using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer validation in every service, not only at the gateway, so a service called directly still
    /// rejects an anonymous call. Tokens come from an OpenID Connect provider (Auth:Authority) or, locally,
    /// from the gateway's development issuer sharing Auth:SigningKey.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((options, configuration) => Configure(options, AuthSettings.From(configuration)));

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Seeker, policy => policy.RequireRole(Roles.Seeker))
            .AddPolicy(Policies.Employer, policy => policy.RequireRole(Roles.Employer).RequireClaim(JobMatchClaims.EmployerId))
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Caseworker, Roles.Administrator));
        return builder;
    }

    private static void Configure(JwtBearerOptions options, AuthSettings settings)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = settings.Authority?.StartsWith("https", StringComparison.Ordinal) ?? false;
        options.Authority = settings.Authority;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = JobMatchClaims.Subject,
            RoleClaimType = JobMatchClaims.Role,
            IssuerSigningKey = settings.SigningKey,
            ValidAlgorithms = settings.SigningKey is null ? null : [SecurityAlgorithms.HmacSha256],
        };
        options.Events = new JwtBearerEvents
        {
            // Every object check compares GUIDs; a token whose subject is not one is no JobMatch token. A deleted
            // account's tokens are refused where the host keeps a list of them (IRevokedSubjects).
            OnTokenValidated = async context =>
            {
                if (!Guid.TryParse(context.Principal?.FindFirst(JobMatchClaims.Subject)?.Value, out var userId))
                {
                    context.Fail("The token's subject is not a JobMatch user id.");
                }
                else if (context.HttpContext.RequestServices.GetService<IRevokedSubjects>() is { } revoked
                         && await revoked.IsRevokedAsync(userId, context.Principal?.FindFirst(JobMatchClaims.TokenId)?.Value, context.HttpContext.RequestAborted))
                {
                    context.Fail("The account was deleted or the session signed out.");
                }
            },
        };
    }
}

/// <summary>The Auth section: issuer, audience, and either an OIDC authority or a shared signing key.</summary>
public sealed record AuthSettings(string Issuer, string Audience, string? Authority, SymmetricSecurityKey? SigningKey)
{
    public const int MinimumKeyBytes = 32;

    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var authority = section["Authority"];
        var key = section["SigningKey"];
        if (string.IsNullOrWhiteSpace(authority) && string.IsNullOrWhiteSpace(key))
        {
            throw new OptionsValidationException("Auth", typeof(AuthSettings),
                ["Configure Auth:Authority (an OpenID Connect provider) or Auth:SigningKey (the local development issuer's key)."]);
        }

        var keyBytes = string.IsNullOrWhiteSpace(key) ? null : Encoding.UTF8.GetBytes(key);
        if (keyBytes is { Length: < MinimumKeyBytes })
            throw new OptionsValidationException("Auth", typeof(AuthSettings), [$"Auth:SigningKey must be at least {MinimumKeyBytes} bytes."]);
        return new AuthSettings(
            section["Issuer"] ?? "jobmatch-dev",
            section["Audience"] ?? "jobmatch",
            string.IsNullOrWhiteSpace(authority) ? null : authority,
            keyBytes is null ? null : new SymmetricSecurityKey(keyBytes));
    }
}
