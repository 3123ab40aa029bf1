using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// The organisation's HR users: everyone sees who they are; the owner creates a login for a colleague (who signs in
/// with it and sees the organisation's postings) and removes one, whose sessions stop at once.
/// </summary>
public sealed class UsersModel : PortalPage
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }

    public ApiResult? Users { get; private set; }

    /// <summary>Whether the signed-in user is the organisation's owner (only the owner invites and removes).</summary>
    public bool IsOwner => Users is { Ok: true } && Users.Array.Any(user => user.Str("userId") == User.UserId() && user.Bool("owner"));

    public async Task OnGetAsync() => Users = await Api.GetAsync("api/auth/employer-users");

    public async Task<IActionResult> OnPostInviteAsync() =>
        await AfterAsync(await Api.PostAsync("api/auth/employer-users", new { username = Username, password = Password, displayName = DisplayName }),
            "users.invited", OnGetAsync);

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId) =>
        await AfterAsync(await Api.DeleteAsync($"api/auth/employer-users/{userId}"), "users.removed", OnGetAsync);
}
