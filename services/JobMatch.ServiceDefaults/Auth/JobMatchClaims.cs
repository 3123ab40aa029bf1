namespace JobMatch.ServiceDefaults.Auth;

/// <summary>Claim names in JobMatch tokens (inbound claim mapping is off, so these are the JWT names).</summary>
public static class JobMatchClaims
{
    public const string Subject = "sub";
    /// <summary>The token's own id, so one session can be ended (signed out) without ending the user's others.</summary>
    public const string TokenId = "jti";
    public const string Role = "role";
    public const string EmployerId = "employer_id";
    public const string Region = "region";
    public const string Name = "name";
    /// <summary>"true" for an employer the bureau lists as a key enterprise (monthly vacancy reports).</summary>
    public const string KeyEnterprise = "key_enterprise";
    /// <summary>
    /// "true" for an employer who registered itself: it publishes only once its organisation is registered and verified.
    /// Employers the bureau provisioned before organisations existed carry no such claim (docs/decisions/061).
    /// </summary>
    public const string OrganisationRequired = "organisation_required";
}
