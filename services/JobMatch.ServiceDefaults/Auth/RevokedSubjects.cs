namespace JobMatch.ServiceDefaults.Auth;

/// <summary>
/// Users whose tokens no longer count (their account was deleted) although the tokens have not expired. Where a host
/// registers one (the gateway does), bearer validation refuses such tokens; a host without one trusts a valid token
/// until it expires.
/// </summary>
public interface IRevokedSubjects
{
    ValueTask<bool> IsRevokedAsync(Guid userId, CancellationToken cancellationToken);
}
