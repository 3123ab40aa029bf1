using JobMatch.Contracts.Responses.Identity;
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

    public ApiResult<IReadOnlyList<EmployerUser>>? Users { get; private set; }

    public IReadOnlyList<EmployerUser> List => Users?.Value ?? [];

    /// <summary>Whether the signed-in user is the organisation's owner (only the owner invites and removes).</summary>
    public bool IsOwner => List.Any(user => user.UserId.ToString() == User.UserId() && user.Owner);

    public async Task OnGetAsync() => Users = await IdentityApi.EmployerUsersAsync();

    public async Task<IActionResult> OnPostInviteAsync() =>
        await AfterAsync(await IdentityApi.InviteEmployerUserAsync(Username, Password, DisplayName),
            "users.invited", OnGetAsync);

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId) =>
        await AfterAsync(await IdentityApi.RemoveEmployerUserAsync(userId), "users.removed", OnGetAsync);
}
