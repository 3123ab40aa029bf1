using System.Security.Claims;
using JobMatch.Gateway.RateLimiting;
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
        builder.Services.AddSingleton<RegisteredAccounts>();
        builder.Services.AddSingleton<RevokedSubjects>();
        builder.Services.AddSingleton<IRevokedSubjects>(services => services.GetRequiredService<RevokedSubjects>());
        return builder;
    }

    public static IEndpointRouteBuilder MapDevelopmentIssuer(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DevelopmentIssuerOptions>>().Value.Enabled) return endpoints;
        var auth = endpoints.MapApiGroup("/api/auth", "Authentication", "Demo sign-in and self-registration (the development issuer; a real identity provider replaces it).");
        auth.MapPost("/token", IssueToken).AllowAnonymous().CountedAsSignIn().WithName("IssueToken")
            .WithSummary("Signs in with a username and password and returns an access token.");
        auth.MapPost("/register", Register).AllowAnonymous().CountedAsSignIn().WithName("RegisterSeeker")
            .WithSummary("Registers a job seeker's login and signs them in.");
        auth.MapPost("/register/employer", RegisterEmployer).AllowAnonymous().CountedAsSignIn().WithName("RegisterEmployer")
            .WithSummary("Registers an employer login with a new employer_id, owner of the organisation it registers next; signed in at once.");
        endpoints.MapEmployerUsers();
        auth.MapPost("/sign-out", SignOut).WithName("SignOut")
            .WithSummary("Ends the caller's session: this token is refused from now on; the user's other sessions go on.");
        auth.MapDelete("/me", DeleteAccount).WithName("DeleteMyLogin")
            .WithSummary("Deletes the caller's self-registered login; every token of it stops working at once.");
        return endpoints;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, IOptions<DevelopmentIssuerOptions> options, RegisteredAccounts registered, IConfiguration configuration, TimeProvider clock)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Username), "username", "A username is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "A password is required.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var account = options.Value.Accounts.FirstOrDefault(a => string.Equals(a.Username, request.Username, StringComparison.OrdinalIgnoreCase))
            ?? await registered.FindAsync(request.Username!);
        // An unknown username costs the same hash as a wrong password, so timing does not tell which names exist.
        if (!PasswordHash.VerifyFor(request.Password!, account?.PasswordHash) || account is null)
            return TypedResults.Problem(title: "Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        if (!options.Value.Accounts.Contains(account)) await registered.RememberIdAsync(account);
        return TypedResults.Ok(Sign(account, options.Value, configuration, clock));
    }

    /// <summary>
    /// Seeker self-registration: a new account with role seeker only and a new subject, its PBKDF2 hash kept in
    /// Redis; answers like sign-in, so the new seeker is signed in at once. Rate-limited with sign-in.
    /// </summary>
    public static Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, IOptions<DevelopmentIssuerOptions> options, RegisteredAccounts registered, IConfiguration configuration, TimeProvider clock) =>
        CreateLoginAsync(request, Roles.Seeker, employerId: null, owner: false, options.Value, registered, configuration, clock);

    /// <summary>
    /// Employer self-registration: a new employer account with a new employer_id, the id its organisation is registered
    /// under next (POST /api/organisations); its user owns the organisation and publishes once a caseworker verified it.
    /// </summary>
    public static Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> RegisterEmployer(
        RegisterRequest request, IOptions<DevelopmentIssuerOptions> options, RegisteredAccounts registered, IConfiguration configuration, TimeProvider clock) =>
        CreateLoginAsync(request, Roles.Employer, Guid.NewGuid(), owner: true, options.Value, registered, configuration, clock);

    /// <summary>A new registered login (never a configured demo account's name), signed in at once.</summary>
    internal static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> CreateLoginAsync(
        RegisterRequest request, string role, Guid? employerId, bool owner, DevelopmentIssuerOptions options, RegisteredAccounts registered,
        IConfiguration configuration, TimeProvider clock)
    {
        var validation = new Validation()
            .Require(request.Username is { Length: >= 3 and <= 64 } && request.Username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'),
                "username", "A username is 3 to 64 letters, digits, dots, hyphens or underscores.")
            .Require(request.Password is { Length: >= 8 and <= 128 }, "password", "A password is 8 to 128 characters.")
            .Require(request.Password is not { Length: >= 8 and <= 128 } || PasswordRules.IsHardToGuess(request.Password, request.Username),
                "password", "This password is too easy to guess: use at least four different characters, not your username or a common password.")
            .Require(request.DisplayName is null || request.DisplayName.Length <= 100, "displayName", "The display name is at most 100 characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var account = new DemoAccount
        {
            Username = request.Username!,
            PasswordHash = PasswordHash.Create(request.Password!),
            UserId = Guid.NewGuid(),
            Role = role,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username! : request.DisplayName.Trim(),
            EmployerId = employerId,
            OrganisationOwner = owner,
            OrganisationRequired = employerId is not null,
        };
        var taken = options.Accounts.Any(a => string.Equals(a.Username, request.Username, StringComparison.OrdinalIgnoreCase))
            || !await registered.TryAddAsync(account);
        if (taken)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["This username is taken."] },
                title: "This username is taken.");
        }

        return TypedResults.Created("/api/auth/token", Sign(account, options, configuration, clock));
    }

    /// <summary>
    /// The seeker's login, deleted when they delete their account: signing in fails from now on and every token of
    /// the account is refused at once (RevokedSubjects). The shared demo accounts of the configuration stay.
    /// </summary>
    public static async Task<Results<Ok<DeletedLogin>, ProblemHttpResult>> DeleteAccount(
        ClaimsPrincipal caller, IOptions<DevelopmentIssuerOptions> options, RegisteredAccounts registered, RevokedSubjects revoked)
    {
        var userId = caller.UserId();
        if (options.Value.Accounts.Any(account => account.UserId == userId))
            return TypedResults.Problem(title: "Demo accounts are shared and cannot be deleted.", statusCode: StatusCodes.Status409Conflict);
        var deleted = await registered.DeleteAsync(userId);
        await revoked.RevokeAsync(userId);
        return TypedResults.Ok(new DeletedLogin(deleted, TokensRevoked: true));
    }

    public static async Task<NoContent> SignOut(ClaimsPrincipal caller, RevokedSubjects revoked)
    {
        // A token from before token ids existed cannot be ended alone; it expires on its own.
        if (caller.FindFirst(JobMatchClaims.TokenId)?.Value is { } tokenId) await revoked.RevokeTokenAsync(tokenId);
        return TypedResults.NoContent();
    }

    internal static TokenResponse Sign(DemoAccount account, DevelopmentIssuerOptions options, IConfiguration configuration, TimeProvider clock)
    {
        var settings = AuthSettings.From(configuration);
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JobMatchClaims.Subject] = account.UserId.ToString(),
            [JobMatchClaims.TokenId] = Guid.NewGuid().ToString("N"),
            [JobMatchClaims.Role] = account.Role,
            [JobMatchClaims.Name] = account.DisplayName,
        };
        if (account.EmployerId is { } employerId) claims[JobMatchClaims.EmployerId] = employerId.ToString();
        if (account.Regions.Count > 0) claims[JobMatchClaims.Region] = account.Regions.ToArray();
        if (account.KeyEnterprise) claims[JobMatchClaims.KeyEnterprise] = "true";
        if (account.OrganisationRequired) claims[JobMatchClaims.OrganisationRequired] = "true";
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (int)options.TokenLifetime.TotalSeconds, account.UserId, account.Role);
    }
}

public sealed record RegisterRequest(string? Username, string? Password, string? DisplayName);

public sealed record TokenRequest(string? Username, string? Password);
