using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>Consents per purpose, the data export, and deleting the account.</summary>
public sealed class PrivacyModel : PortalPage
{
    public static readonly string[] Purposes = ["matching", "employer-sharing"];

    public ApiResult? Consents { get; private set; }

    public async Task OnGetAsync() => Consents = await Api.GetAsync("api/profiles/me/consents");

    public bool Granted(string purpose) =>
        Consents is { Ok: true } && Consents.Array.Any(c => c.Str("purpose") == purpose && c.Bool("granted"));

    public async Task<IActionResult> OnPostConsentAsync(string purpose, bool granted) =>
        await AfterAsync(await Api.PutAsync($"api/profiles/me/consents/{Uri.EscapeDataString(purpose)}", new { granted }), "privacy.consentSaved", OnGetAsync);

    public async Task<IActionResult> OnGetExportAsync()
    {
        var result = await Api.GetAsync("api/profiles/me/export");
        if (!result.Ok)
        {
            Problem = result;
            await OnGetAsync();
            return Page();
        }
        return File(Encoding.UTF8.GetBytes(result.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            // A file the seeker reads: Chinese as Chinese, not \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        })),
            "application/json", "jobmatch-my-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            var message = T["privacy.confirmNeeded"];
            Problem = ApiResult.From(System.Net.HttpStatusCode.BadRequest, new System.Text.Json.Nodes.JsonObject
            {
                ["title"] = message,
                ["errors"] = new System.Text.Json.Nodes.JsonObject { ["confirm"] = new System.Text.Json.Nodes.JsonArray(message) },
            });
            await OnGetAsync();
            return Page();
        }
        var result = await Api.DeleteAsync("api/profiles/me");
        if (!result.Ok && !result.NotFound)
        {
            Problem = result;
            await OnGetAsync();
            return Page();
        }
        await HttpContext.SignOutAsync();
        return Redirect("/?deleted=1");
    }
}
