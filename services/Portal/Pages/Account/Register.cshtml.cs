using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;
using Portal.Pages.Seeker;

namespace Portal.Pages.Account;

/// <summary>
/// A seeker registers with the gateway's issuer and answers, purpose by purpose, what they consent to — nothing is
/// switched on for them; the answers take effect with their first profile.
/// </summary>
public sealed class RegisterModel : PortalPage
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Consents { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await IdentityApi.RegisterSeekerAsync(Username, Password, DisplayName);
        if (!result.Ok)
        {
            Problem = result;
            return Page();
        }
        await Session.SignInAsync(HttpContext, result.Value!, PrivacyModel.Purposes.ToDictionary(purpose => purpose, Consents.Contains));
        Notice = T["register.done"];
        return Redirect("/Seeker/Profile");
    }
}
