namespace JobMatch.ServiceDefaults.Auth;

/// <summary>The four kinds of caller, as carried in the token's "role" claim.</summary>
public static class Roles
{
    public const string Seeker = "seeker";
    public const string Employer = "employer";
    public const string Caseworker = "caseworker";
    public const string Administrator = "administrator";
}
