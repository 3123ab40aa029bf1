namespace JobMatch.ServiceDefaults.Auth;

/// <summary>
/// Tokens that no longer count although they have not expired: every token of a deleted account, and the one token of
/// a session that signed out. Where a host registers one (the gateway does), bearer validation refuses such tokens; a
/// host without one trusts a valid token until it expires.
/// </summary>
public interface IRevokedSubjects
{
    ValueTask<bool> IsRevokedAsync(Guid userId, string? tokenId, CancellationToken cancellationToken);
}
