using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Account;

/// <summary>
/// Signing out ends the session at the gateway as well as the cookie here: the token inside the cookie is refused
/// from now on, so a copy of the cookie taken before signing out no longer signs anyone in.
/// </summary>
public sealed class SignOutModel : PortalPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await IdentityApi.SignOutAsync();
            }
            catch (SignInRequiredException)
            {
                // The session had already ended at the gateway.
            }
        }
        await HttpContext.SignOutAsync();
        return Redirect("/");
    }
}
