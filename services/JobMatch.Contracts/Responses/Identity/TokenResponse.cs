namespace JobMatch.Contracts.Responses.Identity;

/// <summary>A signed-in (or just registered) user's bearer token, who they are and their role (the gateway's development issuer).</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, Guid UserId, string Role);

/// <summary>What deleting a login did: the login removed (false when none was stored), the account's tokens refused.</summary>
public sealed record DeletedLogin(bool LoginDeleted, bool TokensRevoked);

/// <summary>An HR user of an organisation, as its owner sees the list.</summary>
public sealed record EmployerUser(Guid UserId, string Username, string DisplayName, bool Owner);
