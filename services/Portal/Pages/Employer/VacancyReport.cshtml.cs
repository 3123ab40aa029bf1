using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>A key enterprise's monthly vacancy report: occupations with vacancies and planned hires.</summary>
public sealed class VacancyReportModel : PortalPage
{
    public const int Lines = 5;

    [BindProperty] public string? Month { get; set; } = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public List<string?> OccupationName { get; set; } = [];
    [BindProperty] public List<string?> OccupationCode { get; set; } = [];
    [BindProperty] public List<string?> Vacancies { get; set; } = [];
    [BindProperty] public List<string?> PlannedHires { get; set; } = [];

    public bool KeyEnterprise => User.FindFirst(PortalClaims.KeyEnterprise)?.Value == "true";
    public ApiResult? Reports { get; private set; }

    public async Task OnGetAsync() => Reports = await Api.GetAsync("api/vacancy-reports/mine");

    public async Task<IActionResult> OnPostAsync()
    {
        var lines = new JsonArray();
        for (var i = 0; i < Lines; i++)
        {
            var name = At(OccupationName, i);
            var code = At(OccupationCode, i);
            if (name is null && code is null && At(Vacancies, i) is null) continue;
            lines.Add(new JsonObject
            {
                ["occupationName"] = name,
                ["occupationCode"] = code,
                ["vacancies"] = int.TryParse(At(Vacancies, i), CultureInfo.InvariantCulture, out var v) ? v : null,
                ["plannedHires"] = int.TryParse(At(PlannedHires, i), CultureInfo.InvariantCulture, out var h) ? h : null,
            });
        }
        var result = await Api.PutAsync($"api/vacancy-reports/{Uri.EscapeDataString(Month ?? "")}", new JsonObject { ["regionCode"] = RegionCode?.Trim(), ["lines"] = lines });
        return await AfterAsync(result, "report.saved", OnGetAsync);
    }

    public static string? At(List<string?> list, int i) => i < list.Count && !string.IsNullOrWhiteSpace(list[i]) ? list[i]!.Trim() : null;
}
