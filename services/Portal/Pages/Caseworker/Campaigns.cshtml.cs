using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>Targeted campaigns: pick a key group, regions and occupations; run; then follow one (see Campaign).</summary>
public sealed class CampaignsModel : PortalPage
{
    public static readonly string[] KeyGroups = ["graduate", "veteran", "rural-worker", "employment-difficulty"];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? KeyGroup { get; set; }
    [BindProperty] public string? RegionCodes { get; set; }
    [BindProperty] public string? Occupations { get; set; }

    public ApiResult? Campaigns { get; private set; }

    public async Task OnGetAsync()
    {
        Campaigns = await Api.GetAsync("api/matches/campaigns");
        RegionCodes ??= string.Join(", ", User.FindAll(PortalClaims.Region).Select(c => c.Value));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.PostAsync("api/matches/campaigns", new
        {
            name = Name, keyGroup = KeyGroup, regionCodes = Split(RegionCodes), occupations = Split(Occupations),
        });
        if (result.Ok && result.Body.Str("id") is { Length: > 0 } id)
        {
            Notice = T["campaign.started"];
            return Redirect($"/Caseworker/Campaign?id={Uri.EscapeDataString(id)}");
        }
        return await AfterAsync(result, "campaign.started", OnGetAsync);
    }

    private static string[] Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
