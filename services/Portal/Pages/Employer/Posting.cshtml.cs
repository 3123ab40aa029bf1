using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>Create or edit a draft, submit it, and see screening's flags (rule and matched text) beside the form.</summary>
public sealed class PostingModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? OccupationCode { get; set; }
    [BindProperty] public string? Skills { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string? SalaryMin { get; set; }
    [BindProperty] public string? SalaryMax { get; set; }
    [BindProperty] public bool SalaryNegotiable { get; set; }
    [BindProperty] public string? Vacancies { get; set; }
    [BindProperty] public string? EmploymentType { get; set; }
    [BindProperty] public List<string> KeyGroups { get; set; } = [];

    public JsonNode? Posting { get; private set; }
    public IReadOnlyList<JsonNode> Flags { get; private set; } = [];
    public string Status => Posting.Str("status");
    public bool Editable => Posting is null || Status == "draft";

    public async Task OnGetAsync() => await LoadAsync(fillForm: true);

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var body = Body();
        var result = Id is { } id ? await Api.PutAsync($"api/postings/{id}", body) : await Api.PostAsync("api/postings", body);
        if (result.Ok && Id is null) Id = Guid.Parse(result.Body.Str("id"));
        return await AfterAsync(result, "posting.saved", () => LoadAsync(fillForm: false), new { id = Id });
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        var saved = Id is { } id ? await Api.PutAsync($"api/postings/{id}", Body()) : await Api.PostAsync("api/postings", Body());
        if (!saved.Ok) return await AfterAsync(saved, "posting.saved", () => LoadAsync(fillForm: false), new { id = Id });
        Id ??= Guid.Parse(saved.Body.Str("id"));
        var published = await Api.PostAsync($"api/postings/{Id}/publish");
        var notice = published.Body.Str("status") == "published" ? "posting.published" : "posting.needsReview";
        return await AfterAsync(published, notice, () => LoadAsync(fillForm: false), new { id = Id });
    }

    public async Task<IActionResult> OnPostCloseAsync() =>
        await AfterAsync(await Api.PostAsync($"api/postings/{Id}/close"), "posting.closed", () => LoadAsync(fillForm: true), new { id = Id });

    private JsonObject Body() => new()
    {
        ["title"] = Title,
        ["description"] = Description ?? "",
        ["occupationCode"] = Empty(OccupationCode),
        ["skills"] = new JsonArray([.. Split(Skills).Select(s => (JsonNode)s)]),
        ["regionCode"] = Empty(RegionCode),
        ["latitude"] = Number(Latitude),
        ["longitude"] = Number(Longitude),
        ["salaryMin"] = Number(SalaryMin),
        ["salaryMax"] = Number(SalaryMax),
        ["salaryNegotiable"] = SalaryNegotiable,
        ["vacancies"] = Number(Vacancies) is { } v ? (int)v : null,
        ["employmentType"] = Empty(EmploymentType),
        ["keyGroups"] = new JsonArray([.. KeyGroups.Distinct().Select(k => (JsonNode)k)]),
    };

    private async Task LoadAsync(bool fillForm)
    {
        if (Id is not { } id) return;
        var result = await Api.GetAsync($"api/postings/{id}");
        if (!result.Ok)
        {
            Problem ??= result;
            return;
        }
        Posting = result.Body;
        var flags = await Api.GetAsync($"api/postings/{id}/flags");
        Flags = flags.Array.OfType<JsonNode>().ToList();
        if (!fillForm) return;
        Title = Posting.Str("title");
        Description = Posting.Str("description");
        OccupationCode = Posting.Str("occupationCode") is "null" ? "" : Posting.Str("occupationCode");
        Skills = string.Join(", ", Posting.List("skills"));
        RegionCode = Posting.Str("regionCode");
        Latitude = Fmt.Number(Posting.Num("latitude"), 6);
        Longitude = Fmt.Number(Posting.Num("longitude"), 6);
        SalaryMin = Fmt.Number(Posting.Num("salaryMin"), 0);
        SalaryMax = Fmt.Number(Posting.Num("salaryMax"), 0);
        SalaryNegotiable = Posting.Bool("salaryNegotiable");
        Vacancies = Fmt.Number(Posting.Num("vacancies"), 0);
        EmploymentType = Posting.Str("employmentType");
        KeyGroups = [.. Posting.List("keyGroups")];
    }

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
