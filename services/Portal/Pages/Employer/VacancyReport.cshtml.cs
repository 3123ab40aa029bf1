using System.Globalization;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>A key enterprise's monthly vacancy report: occupations with vacancies and planned hires.</summary>
public sealed class VacancyReportModel : PortalPage
{
    public const int Lines = 5;

    [BindProperty] public string? Month { get; set; } = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Fmt.Beijing).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    [BindProperty(Name = "place")] public PlaceChoice Place { get; set; } = new();
    [BindProperty] public List<string?> OccupationName { get; set; } = [];
    [BindProperty] public List<string?> Vacancies { get; set; } = [];
    [BindProperty] public List<string?> PlannedHires { get; set; } = [];

    public bool KeyEnterprise { get; private set; }
    public IReadOnlyList<VacancyReportResponse> Reports { get; private set; } = [];

    public async Task OnGetAsync()
    {
        KeyEnterprise = KeyEnterprises.Of(User, (await PostingsApi.MyOrganisationAsync()).Value);
        Reports = (await PostingsApi.MyVacancyReportsAsync()).Value ?? [];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var region = ResolvePlace(Place, "regionCode", required: true);
        var lines = new JsonArray();
        for (var i = 0; i < Lines; i++)
        {
            var name = At(OccupationName, i);
            if (name is null && At(Vacancies, i) is null && At(PlannedHires, i) is null) continue;
            var (vacancies, vacanciesError) = TypedNumbers.Whole(At(Vacancies, i));
            if (vacanciesError) Refuse($"lines[{i}].vacancies", "input.people");
            var (planned, plannedError) = TypedNumbers.Whole(At(PlannedHires, i));
            if (plannedError) Refuse($"lines[{i}].plannedHires", "input.people");
            lines.Add(new JsonObject { ["occupationName"] = name, ["vacancies"] = vacancies, ["plannedHires"] = planned });
        }
        if (InputErrors.Count > 0) return await RefusedAsync(OnGetAsync);
        var result = await PostingsApi.FileVacancyReportAsync(Month ?? "", new JsonObject { ["regionCode"] = region, ["lines"] = lines });
        return await AfterAsync(result, "report.saved", OnGetAsync);
    }

    /// <summary>"List": the county list for the league chosen, the form as typed.</summary>
    public async Task<IActionResult> OnPostPickAsync()
    {
        Place.Resolve();
        await OnGetAsync();
        return Page();
    }

    public static string? At(List<string?> list, int i) => i < list.Count && !string.IsNullOrWhiteSpace(list[i]) ? list[i]!.Trim() : null;
}
