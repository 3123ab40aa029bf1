using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Account;

/// <summary>An employer creates its login (a new employer organisation of its own), then registers the organisation.</summary>
public sealed class RegisterEmployerModel : PortalPage
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? DisplayName { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await IdentityApi.RegisterEmployerAsync(Username, Password, DisplayName);
        if (!result.Ok)
        {
            Problem = result;
            return Page();
        }
        await Session.SignInAsync(HttpContext, result.Value!);
        Notice = T["register.employerDone"];
        return Redirect("/Employer/Organisation");
    }
}
