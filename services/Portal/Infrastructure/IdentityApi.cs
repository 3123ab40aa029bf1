using JobMatch.Contracts.Responses.Identity;

namespace Portal.Infrastructure;

/// <summary>
/// The gateway's development issuer (/api/auth), typed like the four services' clients: sign-in and registration
/// (anonymous: a 401 there is the answer, not an expired session), signing out, deleting the login, and the
/// organisation's HR users. Each answer is the issuer's own record (JobMatch.Contracts.Responses.Identity).
/// </summary>
public sealed class IdentityApi(GatewayClient gateway)
{
    public Task<ApiResult<TokenResponse>> SignInAsync(string? username, string? password) =>
        gateway.PostAnonymousAsync<TokenResponse>("api/auth/token", new { username, password });

    /// <summary>A seeker's login, signed in at once (201).</summary>
    public Task<ApiResult<TokenResponse>> RegisterSeekerAsync(string? username, string? password, string? displayName) =>
        gateway.PostAnonymousAsync<TokenResponse>("api/auth/register", new { username, password, displayName });

    /// <summary>An employer's login, owner of a new organisation of its own, signed in at once (201).</summary>
    public Task<ApiResult<TokenResponse>> RegisterEmployerAsync(string? username, string? password, string? displayName) =>
        gateway.PostAnonymousAsync<TokenResponse>("api/auth/register/employer", new { username, password, displayName });

    /// <summary>Ends this session's token at the gateway (no body: 204).</summary>
    public Task<ApiResult> SignOutAsync() => gateway.PostAsync("api/auth/sign-out");

    /// <summary>Deletes the signed-in seeker's login; 409 for the shared demo accounts.</summary>
    public Task<ApiResult<DeletedLogin>> DeleteLoginAsync() => gateway.DeleteAsync<DeletedLogin>("api/auth/me");

    /// <summary>The logins of the caller's organisation: its owner and invited HR users.</summary>
    public Task<ApiResult<IReadOnlyList<EmployerUser>>> EmployerUsersAsync() =>
        gateway.GetAsync<IReadOnlyList<EmployerUser>>("api/auth/employer-users");

    /// <summary>The owner creates a login for another HR user of the organisation.</summary>
    public Task<ApiResult<EmployerUser>> InviteEmployerUserAsync(string? username, string? password, string? displayName) =>
        gateway.PostAsync<EmployerUser>("api/auth/employer-users", new { username, password, displayName });

    /// <summary>The owner removes an HR user (no body: 204).</summary>
    public Task<ApiResult> RemoveEmployerUserAsync(Guid userId) => gateway.DeleteAsync($"api/auth/employer-users/{userId}");
}
