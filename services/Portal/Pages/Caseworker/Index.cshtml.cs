using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// The caseworker's area at a glance, from what the APIs expose today: active postings (search facets: by banner or
/// county, by employment type, by key group welcomed) and vacancies by occupation (key enterprises' vacancy reports).
/// Seekers by key group and matches/placements over time have no API yet, so they are not drawn.
/// </summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<string> Regions => User.FindAll(PortalClaims.Region).Select(c => c.Value).ToList();
    public long ActivePostings { get; private set; }
    public IReadOnlyList<(string Label, double Value)> ByRegion { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> ByEmploymentType { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> ByKeyGroup { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> VacanciesByOccupation { get; private set; } = [];
    public int ReportCount { get; private set; }

    public async Task OnGetAsync()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? Regions.FirstOrDefault() : Region.Trim();
        Month = string.IsNullOrWhiteSpace(Month) ? DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        var search = await Api.GetAsync("api/postings/search?limit=1" + (Region is null ? "" : "&region=" + Uri.EscapeDataString(Region)));
        if (!search.Ok)
        {
            Problem = search;
        }
        else
        {
            var facets = search.Body?["facets"];
            ByEmploymentType = Bars(facets, "employmentType", value => T.Value("employmentType", value));
            ByKeyGroup = Bars(facets, "keyGroup", value => T.Value("keyGroup", value));
            ByRegion = Bars(facets, "region", value => value);
            ActivePostings = (long)ByEmploymentType.Sum(bar => bar.Value);
        }
        var reports = await Api.GetAsync($"api/vacancy-reports?month={Uri.EscapeDataString(Month)}" + (Region is null ? "" : "&region=" + Uri.EscapeDataString(Region)));
        if (reports.Ok)
        {
            ReportCount = reports.Array.Count;
            VacanciesByOccupation = reports.Array.SelectMany(report => report.Items("lines"))
                .GroupBy(line => line.Str("occupationName") is { Length: > 0 } name && name != "null" ? name : line.Str("occupationCode"))
                .Select(group => (group.Key, group.Sum(line => line.Num("vacancies") ?? 0)))
                .OrderByDescending(bar => bar.Item2).Take(12).ToList();
        }
        else
        {
            Problem ??= reports;
        }
    }

    private static List<(string, double)> Bars(System.Text.Json.Nodes.JsonNode? facets, string name, Func<string, string> label) =>
        facets.Items(name).Select(f => (label(f.Str("value")), f.Num("count") ?? 0)).OrderByDescending(bar => bar.Item2).Take(15).ToList();
}
