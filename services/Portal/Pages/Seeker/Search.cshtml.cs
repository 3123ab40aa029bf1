using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>Search published postings (text, region, point and radius, salary, type, key group); apply; save the search.</summary>
public sealed class SearchModel : PortalPage
{
    public static readonly string[] EmploymentTypes = ["fullTime", "partTime", "internship", "publicWelfare", "grassroots"];
    public static readonly string[] KeyGroups = ["graduateFriendly", "veteranPriority", "disabilityAccessible", "accommodationProvided", "ruralFriendly"];
    public static readonly string[] Sorts = ["", "relevance", "newest", "salary", "distance"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lng { get; set; }
    [BindProperty(SupportsGet = true)] public string? RadiusKm { get; set; }
    [BindProperty(SupportsGet = true)] public string? Salary { get; set; }
    [BindProperty(SupportsGet = true)] public string? EmploymentType { get; set; }
    [BindProperty(SupportsGet = true)] public string? KeyGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public ApiResult? Results { get; private set; }
    public IReadOnlyList<JsonNode> SavedSearches { get; private set; } = [];
    public bool SavedSearchesAvailable { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostApplyAsync(Guid postingId, string? coverNote)
    {
        var result = await Api.PostAsync($"api/postings/{postingId}/applications", new { coverNote });
        return await AfterAsync(result, "search.applied", LoadAsync, RouteValues());
    }

    public async Task<IActionResult> OnPostSaveAsync(string? name)
    {
        var result = await Api.PostAsync("api/postings/saved-searches", new
        {
            name, q = Empty(Q), region = Empty(Region), lat = Number(Lat), lng = Number(Lng), radiusKm = Number(RadiusKm),
            salary = Number(Salary), employmentType = Empty(EmploymentType) is { } type ? new[] { type } : null,
            keyGroup = Empty(KeyGroup) is { } group ? new[] { group } : null,
        });
        return await AfterAsync(result, "search.saved", LoadAsync, RouteValues());
    }

    public async Task<IActionResult> OnPostDeleteSavedAsync(Guid id)
    {
        var result = await Api.DeleteAsync($"api/postings/saved-searches/{id}");
        return await AfterAsync(result, "search.savedDeleted", LoadAsync, RouteValues());
    }

    /// <summary>The search's query string, as the API takes it.</summary>
    public string Query(string? after = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
        Add("q", Q);
        Add("region", Region);
        Add("lat", Lat);
        Add("lng", Lng);
        Add("radiusKm", RadiusKm);
        Add("salary", Salary);
        Add("employmentType", EmploymentType);
        Add("keyGroup", KeyGroup);
        Add("sort", Sort);
        Add("after", after);
        return string.Join("&", parts);
    }

    private object RouteValues() => new { q = Q, region = Region, lat = Lat, lng = Lng, radiusKm = RadiusKm, salary = Salary, employmentType = EmploymentType, keyGroup = KeyGroup, sort = Sort };

    private async Task LoadAsync()
    {
        Results = await Api.GetAsync("api/postings/search?limit=20&" + Query(After));
        if (!Results.Ok && Problem is null) Problem = Results;
        var saved = await Api.GetAsync("api/postings/saved-searches");
        SavedSearchesAvailable = saved.Ok;
        SavedSearches = saved.Array.OfType<JsonNode>().ToList();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? Number(string? text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
