using System.Security.Claims;
using System.Text.Encodings.Web;
using JobMatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Infrastructure;

public static class PortalExtensions
{
    public const string SeekerPolicy = "seeker";
    public const string EmployerPolicy = "employer";
    public const string StaffPolicy = "staff";

    /// <summary>Razor Pages, the auth cookie that carries the user's gateway token, and the gateway client.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var gateway = new Uri(builder.Configuration["Portal:GatewayUrl"]
            ?? throw new InvalidOperationException("Portal:GatewayUrl is not configured."));
        builder.Services.AddHttpContextAccessor();
        // Reads are retried when the gateway or a service behind it fails for a moment; writes never are. The breaker
        // opens only when the gateway itself is unreachable: one service's 5xx must not darken every page.
        builder.Services.AddHttpClient<GatewayClient>(client => client.BaseAddress = gateway)
            .AddDefaultResilience(attemptTimeout: TimeSpan.FromSeconds(30), totalTimeout: TimeSpan.FromSeconds(30), breakOnServerErrors: false);
        // One typed client per API over the gateway client (docs/decisions/068), the gateway's own issuer too.
        builder.Services.AddTransient<IdentityApi>();
        builder.Services.AddTransient<PostingsApi>();
        builder.Services.AddTransient<MatchingApi>();
        builder.Services.AddTransient<NotificationsApi>();
        builder.Services.AddTransient<ProfilesApi>();
        builder.Services.AddLocalization();
        builder.Services.AddScoped<Text>();
        // Chinese written as UTF-8, not as &#x...; entities (the default encoder escapes everything outside Basic Latin).
        builder.Services.AddSingleton<HtmlEncoder>(PortalEncoding.Html);

        // Several portal instances must read each other's cookies: point this at a shared directory (or volume).
        if (builder.Configuration["Portal:DataProtectionKeysPath"] is { Length: > 0 } keys)
            builder.Services.AddDataProtection().SetApplicationName("jobmatch-portal").PersistKeysToFileSystem(new DirectoryInfo(keys));

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "jobmatch.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/Denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = false;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SeekerPolicy, policy => policy.RequireRole("seeker"))
            .AddPolicy(EmployerPolicy, policy => policy.RequireRole("employer").RequireClaim(PortalClaims.EmployerId))
            .AddPolicy(StaffPolicy, policy => policy.RequireRole("caseworker", "administrator"));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "jobmatch.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Seeker", SeekerPolicy);
            options.Conventions.AuthorizeFolder("/Employer", EmployerPolicy);
            options.Conventions.AuthorizeFolder("/Caseworker", StaffPolicy);
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Behind the gateway only; in a cluster the gateway is not on loopback, so the deployment says to trust it.
            if (builder.Configuration.GetValue<bool>("Portal:TrustForwardedHeaders"))
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // Server-rendered pages: nothing but our own stylesheet and script, and forms back to ourselves.
            // Pages work without script; our one small script (places.js) only enhances them.
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            Language.Choose(context);
            try
            {
                await next(context);
            }
            catch (SignInRequiredException) when (!context.Response.HasStarted)
            {
                // The gateway no longer accepts the token (expired or revoked): sign in again, then come back.
                await context.SignOutAsync();
                context.Response.Redirect("/Account/SignIn?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            }
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirst(PortalClaims.Subject)?.Value;
}

/// <summary>Claims of the portal's cookie: the token's own, and the token itself.</summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";
    public const string EmployerId = "employer_id";
    public const string Region = "region";
    public const string KeyEnterprise = "key_enterprise";
    public const string AccessToken = "access_token";
    /// <summary>A new seeker's answers to the consent questions, "matching=1,employer-sharing=0,…".</summary>
    public const string Consents = "consents";
}

/// <summary>Thrown when the gateway answers 401: the portal's session outlived its token.</summary>
public sealed class SignInRequiredException : Exception
{
    public SignInRequiredException() : base("The gateway refused the token; sign in again.") { }
    public SignInRequiredException(string message) : base(message) { }
    public SignInRequiredException(string message, Exception inner) : base(message, inner) { }
}
