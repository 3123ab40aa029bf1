using System.Globalization;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// What the bureau publishes for a league or banner, month by month: the talent-demand catalogue (vacancies against
/// seekers per occupation, 紧缺 where demand exceeds supply) with posted pay, placements by key group, and the early
/// warnings — occupations whose vacancies fell, key-group seekers unplaced after six months. Counts only; the register
/// names people. Places and occupations by name.
/// </summary>
public sealed class MonitoringModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    /// <summary>What the catalogue counts by: a level of 职业分类大典 (细类 by default, 小类, 中类, 大类) or ESCO beside it.</summary>
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    /// <summary>The choices of <see cref="By"/>: the bureau's classification first, finest first.</summary>
    public static readonly string[] Groupings = ["occupation", "minorGroup", "middleGroup", "majorGroup", "esco"];

    public IReadOnlyList<string> Regions => User.FindAll(PortalClaims.Region).Select(c => c.Value).ToList();
    public LabourDemand? Demand { get; private set; }
    public LabourSupply? Supply { get; private set; }
    public IReadOnlyList<CatalogueLine> Catalogue { get; private set; } = [];

    /// <summary>Lay-off reports (规模性裁员减员报告) of the area's organisations in the last year, newest first.</summary>
    public IReadOnlyList<LayoffReportResponse> Layoffs { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The catalogue as a CSV file Excel opens (UTF-8 with BOM), named by place and month.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync()) return Page();
        string[] header =
        [
            T["monitoring.occupation"], T["monitoring.vacancies"], T["monitoring.seekers"], T["monitoring.ratio"], T["monitoring.short"],
            T["monitoring.paySample"], T["monitoring.lowerQuartile"], T["monitoring.median"], T["monitoring.upperQuartile"],
        ];
        var file = T.Format("monitoring.csvName", PlacesEndpoint.NameOf(Region!, T.Lang), Month);
        return File(TalentDemandCatalogue.Csv(Catalogue, header, T["monitoring.shortMark"]), "text/csv; charset=utf-8", file);
    }

    /// <summary>
    /// The figures in the bureau's layout (code, name, vacancies, seekers, ratio, median pay, period, area and its code),
    /// counted by what the page counts by (职业分类大典 细类 unless another level or ESCO was chosen); UTF-8 with BOM.
    /// </summary>
    public async Task<IActionResult> OnGetBureauCsvAsync()
    {
        if (!await LoadAsync()) return Page();
        string[] header =
        [
            T["monitoring.code"], T["monitoring.name"], T["monitoring.vacancies"], T["monitoring.seekers"], T["monitoring.ratio"], T["monitoring.median"],
            T["monitoring.period"], T["monitoring.area"], T["monitoring.areaCode"],
        ];
        var area = new ReportArea(Month!, PlacesEndpoint.NameOf(Region!, T.Lang), Region!);
        var file = T.Format("monitoring.bureauCsvName", area.AreaName, Month, By);
        return File(TalentDemandCatalogue.BureauCsv(Catalogue, header, area), "text/csv; charset=utf-8", file);
    }

    /// <summary>Both sides of the market for the chosen area and month; false (with the problem shown) when either refused.</summary>
    private async Task<bool> LoadAsync()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? Regions.FirstOrDefault() : Region.Trim();
        Month = string.IsNullOrWhiteSpace(Month) ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Fmt.Beijing).ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        By = Groupings.FirstOrDefault(choice => string.Equals(choice, By?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Groupings[0];
        var query = "region=" + Uri.EscapeDataString(Region ?? "") + "&month=" + Uri.EscapeDataString(Month) + GroupingQuery;
        var demand = await PostingsApi.LabourDemandAsync(query);
        var supply = await ProfilesApi.LabourSupplyAsync(query);
        if (demand.Value is null || supply.Value is null)
        {
            Problem = demand.Ok ? supply : demand;
            return false;
        }
        Layoffs = (await PostingsApi.LayoffReportsAsync(Region)).Value ?? [];
        (Demand, Supply) = (demand.Value, supply.Value);
        Catalogue = TalentDemandCatalogue.Lines(Demand, Supply, T.Lang, T["monitoring.unclassified"]);
        return true;
    }

    /// <summary>The scheme and level the services count by, as query parameters.</summary>
    private string GroupingQuery => By == "esco" ? "&scheme=esco" : "&scheme=national&level=" + By;

    /// <summary>The page's own query (area, month, grouping), for the download links.</summary>
    public string Query(string handler) =>
        $"?handler={handler}&region={Uri.EscapeDataString(Region ?? "")}&month={Uri.EscapeDataString(Month ?? "")}&by={Uri.EscapeDataString(By ?? "")}";

    /// <summary>The occupations with most vacancies, for the chart (the table below lists them all).</summary>
    public IReadOnlyList<(string Label, double Value)> TopVacancies => Catalogue.Where(line => line.Vacancies > 0).Take(12).Select(line => (line.Occupation, (double)line.Vacancies)).ToList();

    public IReadOnlyList<(string Label, double Value)> Placements =>
        Supply?.PlacementsByKeyGroup.Select(p => (T.Value("keyGroup", p.KeyGroup), (double)p.Placements)).ToList() ?? [];

    public string OccupationName(string? code, string? name, string? nameEn) =>
        code is null ? T["monitoring.unclassified"] : (T.Lang == "en" ? nameEn : name) ?? name ?? T["monitoring.unclassified"];

    /// <summary>The divisions the caseworker may pick: each region they serve and, under a league, its banners and counties.</summary>
    public IReadOnlyList<(string Code, string Name)> Choices => Regions
        .SelectMany(region => new[] { region }.Concat(JobMatch.Domain.Regions.InnerMongoliaRegions.CountiesOf(region).Select(county => county.Code)))
        .Distinct().Select(code => (code, PlacesEndpoint.NameOf(code, T.Lang))).ToList();

    /// <summary>The register, filtered to one key group's unplaced seekers of a county (a reason is asked there before anyone is listed).</summary>
    public static string RegisterLink(string keyGroup) => "/Caseworker/Seekers?keyGroup=" + Uri.EscapeDataString(keyGroup) + "&placed=false";
}
