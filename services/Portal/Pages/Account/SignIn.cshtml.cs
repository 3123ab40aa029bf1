using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Account;

public sealed class SignInModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await IdentityApi.SignInAsync(Username, Password);
        if (!result.Ok)
        {
            Problem = result;
            return Page();
        }
        var token = result.Value!;
        await Session.SignInAsync(HttpContext, token);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : Redirect(Session.HomeOf(token.Role));
    }
}
