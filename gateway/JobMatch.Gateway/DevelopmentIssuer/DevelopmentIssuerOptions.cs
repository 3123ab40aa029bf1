namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>Auth:DevelopmentIssuer — a local stand-in for an OpenID Connect provider; off unless Enabled.</summary>
public sealed class DevelopmentIssuerOptions
{
    public bool Enabled { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    public List<DemoAccount> Accounts { get; set; } = [];
    /// <summary>Redis key prefix of self-registered accounts (POST /api/auth/register, /api/auth/register/employer) and invited HR users.</summary>
    public string RegistrationKeyPrefix { get; set; } = "jobmatch:dev-accounts";
}

public sealed class DemoAccount
{
    public string Username { get; set; } = "";
    /// <summary>pbkdf2-sha256$iterations$salt$hash (base64), see <see cref="PasswordHash"/>.</summary>
    public string PasswordHash { get; set; } = "";
    public Guid UserId { get; set; }
    public string Role { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Guid? EmployerId { get; set; }
    public List<string> Regions { get; set; } = [];
    /// <summary>A key enterprise files monthly vacancy reports (the job-posting service reads the claim).</summary>
    public bool KeyEnterprise { get; set; }
    /// <summary>The employer user who registered the organisation: invites and removes its other HR users.</summary>
    public bool OrganisationOwner { get; set; }
    /// <summary>A self-registered employer, who publishes only once its organisation is verified (the organisation_required claim).</summary>
    public bool OrganisationRequired { get; set; }
}
