using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>The seeker's profile: the fields matching needs, the rest kept as saved (the API replaces the whole profile).</summary>
public sealed class ProfileModel : PortalPage
{
    public JsonNode? Profile { get; private set; }
    public IReadOnlyList<(string Id, string Label)> Suggestions { get; private set; } = [];
    /// <summary>False when the matching service has no taxonomy suggestions (the skill field is then plain text).</summary>
    public bool SuggestionsAvailable { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? SkillQuery { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string? MaxCommuteKm { get; set; }
    [BindProperty] public bool WillingToRelocate { get; set; }
    [BindProperty] public string? Skills { get; set; }
    [BindProperty] public string? NewSkill { get; set; }
    [BindProperty] public string? DesiredOccupations { get; set; }
    [BindProperty] public string? SalaryExpectation { get; set; }

    public async Task OnGetAsync() => await LoadAsync(fillForm: true);

    public async Task<IActionResult> OnPostAsync()
    {
        var current = await Api.GetAsync("api/profiles/me");
        var existing = current.Ok ? current.Body : null;
        var details = existing?["details"];
        var skills = Split(Skills).Concat(Split(NewSkill)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var body = new JsonObject
        {
            ["name"] = Name,
            ["phone"] = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
            ["skills"] = new JsonArray([.. skills.Select(s => (JsonNode)s)]),
            ["regionCode"] = RegionCode?.Trim(),
            ["latitude"] = ParseNumber(Latitude),
            ["longitude"] = ParseNumber(Longitude),
            ["maxCommuteKm"] = ParseNumber(MaxCommuteKm) is { } km ? (int)km : null,
            ["willingToRelocate"] = WillingToRelocate,
            ["desiredOccupations"] = new JsonArray([.. Split(DesiredOccupations).Select(s => (JsonNode)s)]),
            ["salaryExpectation"] = ParseNumber(SalaryExpectation),
            // Kept as saved: the portal's form does not edit these, and PUT replaces the whole profile.
            ["nationalId"] = existing?["nationalId"]?.DeepClone(),
            ["education"] = details?["education"]?.DeepClone(),
            ["workHistory"] = details?["workHistory"]?.DeepClone(),
            ["certificates"] = details?["certificates"]?.DeepClone(),
            ["languages"] = details?["languages"]?.DeepClone(),
            ["employmentTypes"] = details?["employmentTypes"]?.DeepClone(),
            ["availableFrom"] = details?["availableFrom"]?.DeepClone(),
            ["ruralResidence"] = details?["ruralResidence"]?.DeepClone(),
            ["unemployedSince"] = details?["unemployedSince"]?.DeepClone(),
            ["veteran"] = existing?["veteran"]?.DeepClone(),
            ["disability"] = existing?["disability"]?.DeepClone(),
            ["healthNotes"] = existing?["healthNotes"]?.DeepClone(),
            ["lowIncomeHousehold"] = existing?["lowIncomeHousehold"]?.DeepClone(),
        };
        var result = await Api.PutAsync("api/profiles/me", body);
        return await AfterAsync(result, "profile.saved", () => LoadAsync(fillForm: false));
    }

    private async Task LoadAsync(bool fillForm)
    {
        var result = await Api.GetAsync("api/profiles/me");
        Profile = result.Ok ? result.Body : null;
        if (fillForm && Profile is not null)
        {
            Name = Profile.Str("name");
            Phone = Profile.Str("phone");
            RegionCode = Profile.Str("regionCode");
            Latitude = Fmt.Number(Profile.Num("latitude"), 6);
            Longitude = Fmt.Number(Profile.Num("longitude"), 6);
            MaxCommuteKm = Fmt.Number(Profile.Num("maxCommuteKm"), 0);
            WillingToRelocate = Profile.Bool("willingToRelocate");
            Skills = string.Join(", ", Profile.List("skills"));
            DesiredOccupations = string.Join(", ", Profile["details"].List("desiredOccupations"));
            SalaryExpectation = Fmt.Number(Profile["details"].Num("salaryExpectation"), 0);
        }
        var query = string.IsNullOrWhiteSpace(SkillQuery) ? Split(Skills).LastOrDefault() : SkillQuery.Trim();
        if (query is not null)
        {
            var lang = T.Lang == Language.English ? "en" : "zh";
            var suggest = await Api.GetAsync($"api/matches/taxonomy/suggest?q={Uri.EscapeDataString(query)}&kind=skill&lang={lang}");
            SuggestionsAvailable = suggest.Ok;
            Suggestions = suggest.Array.Select(item => (item.Str("id"), lang == "zh" && item.Str("labelZh").Length > 0 ? item.Str("labelZh") : item.Str("label")))
                .Where(s => s.Item2.Length > 0).ToList();
        }
    }

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
