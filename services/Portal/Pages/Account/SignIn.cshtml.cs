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
        var result = await Api.PostAnonymousAsync("api/auth/token", new { username = Username, password = Password });
        if (!result.Ok)
        {
            Problem = result;
            return Page();
        }
        await Session.SignInAsync(HttpContext, result.Body!);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : Redirect(Session.HomeOf(result.Body.Str("role")));
    }
}
