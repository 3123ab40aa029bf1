using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;
using Portal.Pages.Seeker;

namespace Portal.Pages.Account;

/// <summary>After deleting an account: what was deleted, and that signing in no longer works.</summary>
public sealed class DeletedModel : PortalPage
{
    public const string Key = "deleted";

    public DeletedData? Deleted { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData[Key] is not string json) return Redirect("/");
        Deleted = JsonSerializer.Deserialize<DeletedData>(json);
        return Page();
    }
}
