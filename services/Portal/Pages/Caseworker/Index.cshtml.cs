using System.Globalization;
using JobMatch.Contracts.Responses.Matching;
using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// The caseworker's area at a glance: active postings (search facets: by banner or county, by employment type, by key
/// group welcomed), vacancies by 职业分类大典 occupation (key enterprises' vacancy reports), and from the matching service's area
/// dashboard seekers by key group and by county, open postings by county, and matches, applications and placements
/// week by week. Places show by name.
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

    /// <summary>False when the matching service's area dashboard did not answer for this region (the charts are then left out).</summary>
    public bool AreaAvailable { get; private set; }
    public long Seekers { get; private set; }
    public IReadOnlyList<(string Label, double Value)> SeekersByKeyGroup { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> SeekersByCounty { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> OpenPostingsByCounty { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> MatchesByWeek { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> ApplicationsByWeek { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> PlacementsByWeek { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? Regions.FirstOrDefault() : Region.Trim();
        Month = string.IsNullOrWhiteSpace(Month) ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Fmt.Beijing).ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        var search = await PostingsApi.SearchAsync("limit=1" + (Region is null ? "" : "&region=" + Uri.EscapeDataString(Region)));
        if (search.Value is not { Facets: var facets })
        {
            Problem = search;
        }
        else
        {
            ByEmploymentType = Bars(facets.EmploymentType, value => T.Value("employmentType", value));
            ByKeyGroup = Bars(facets.KeyGroup, value => T.Value("keyGroup", value));
            ByRegion = Bars(facets.Region, value => PlacesEndpoint.NameOf(value, T.Lang));
            ActivePostings = (long)ByEmploymentType.Sum(bar => bar.Value);
        }
        var reports = await PostingsApi.VacancyReportsAsync(Month, Region);
        if (reports.Value is { } filed)
        {
            ReportCount = filed.Count;
            // Added up per 职业分类大典 细类 by the service (a line's code, else the one its name names), named in the page's language.
            var totals = await PostingsApi.VacancyTotalsAsync(Month, Region ?? JobMatch.Domain.Regions.RegionCodes.Whole);
            VacanciesByOccupation = (totals.Value?.Occupations ?? [])
                .Select(total => (total.OccupationCode is { Length: > 0 }
                    ? (T.Lang == Language.English ? total.OccupationNameEn : total.OccupationName) ?? "" : T["monitoring.unclassified"], (double)total.Vacancies))
                .Take(12).ToList();
        }
        else
        {
            Problem ??= reports;
        }
        if (Region is not null) await LoadAreaAsync(Region);
    }

    /// <summary>
    /// The matching service's counts for the area. A 404 (a region the caseworker does not serve, or no dashboard)
    /// leaves the charts out with a note; the region field's own problem comes from the search above.
    /// </summary>
    private async Task LoadAreaAsync(string region)
    {
        var area = await MatchingApi.DashboardAsync(region);
        if (area.Value is not { } dashboard)
        {
            if (!area.NotFound) Problem ??= area;
            return;
        }
        AreaAvailable = true;
        Seekers = dashboard.Seekers;
        // In the API's order (the key groups as the service lists them, "none" last): the same order in every area.
        SeekersByKeyGroup = Counts(dashboard.SeekersByKeyGroup, key => T.Value("keyGroup", key));
        SeekersByCounty = Counts(dashboard.SeekersByCounty, code => PlacesEndpoint.NameOf(code, T.Lang));
        OpenPostingsByCounty = Counts(dashboard.OpenPostingsByCounty, code => PlacesEndpoint.NameOf(code, T.Lang));
        // Weeks without any count are absent from the answer; the charts show the last 12 weeks with zeros for them.
        var thisWeek = DateOnly.FromDateTime(DateTime.UtcNow);
        thisWeek = thisWeek.AddDays(-(((int)thisWeek.DayOfWeek + 6) % 7));
        var weeks = Enumerable.Range(0, 12).Select(i => thisWeek.AddDays(-7 * (11 - i)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        List<(string, double)> Weekly(IReadOnlyList<WeekCount> byWeek)
        {
            var counts = byWeek.GroupBy(c => TypedDates.Text(c.Week)).ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Count), StringComparer.Ordinal);
            return weeks.Union(counts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(week => (week, counts.GetValueOrDefault(week))).ToList();
        }
        MatchesByWeek = Weekly(dashboard.MatchesByWeek);
        ApplicationsByWeek = Weekly(dashboard.ApplicationsByWeek);
        PlacementsByWeek = Weekly(dashboard.PlacementsByWeek);
    }

    private static List<(string, double)> Counts(IReadOnlyList<CountBy> counts, Func<string, string> label) =>
        counts.Select(c => (label(c.Key), (double)c.Count)).ToList();

    /// <summary>The divisions the caseworker may pick: each region they serve and, under a league, its counties.</summary>
    public IReadOnlyList<(string Code, string Name)> Choices => Regions
        .SelectMany(region => new[] { region }.Concat(JobMatch.Domain.Regions.InnerMongoliaRegions.CountiesOf(region).Select(county => county.Code)))
        .Distinct().Select(code => (code, PlacesEndpoint.NameOf(code, T.Lang))).ToList();

    private static List<(string, double)> Bars(IReadOnlyList<FacetCount> facets, Func<string, string> label) =>
        facets.Select(f => (label(f.Value), (double)f.Count)).OrderByDescending(bar => bar.Item2).Take(15).ToList();
}
