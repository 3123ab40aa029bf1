namespace JobMatch.ServiceDefaults.Auth;

/// <summary>Named authorization policies; the fallback policy (any signed-in caller) covers everything else.</summary>
public static class Policies
{
    public const string Seeker = "seeker";
    public const string Employer = "employer";
    public const string Staff = "staff";
}
