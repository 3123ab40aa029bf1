using System.Globalization;
using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Jobs;

/// <summary>
/// The public job board: anyone searches published postings by words, place (picked or typed) and distance from it
/// (or from the browser's position), pay range, education, experience, type, key group and occupation (a 大类 or 中类 of
/// 职业分类大典, chosen by name); total and numbered pages.
/// Signed-in seekers also save searches. Every typed figure is understood or refused with a message.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public const int PageSize = 20;
    public static readonly string[] EmploymentTypes = ["fullTime", "partTime", "internship", "publicWelfare", "grassroots"];
    public static readonly string[] KeyGroups = ["graduateFriendly", "veteranPriority", "disabilityAccessible", "accommodationProvided", "ruralFriendly"];
    public static readonly string[] Sorts = ["", "relevance", "newest", "salary", "distance"];
    /// <summary>Education as the search API names it, lowest first.</summary>
    public static readonly string[] EducationLevels = ["none", "juniorMiddle", "seniorHigh", "vocational", "college", "bachelor", "master", "doctorate"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "place")] public PlaceChoice Place { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? RadiusKm { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lng { get; set; }
    [BindProperty(SupportsGet = true)] public string? Salary { get; set; }
    [BindProperty(SupportsGet = true)] public string? Education { get; set; }
    [BindProperty(SupportsGet = true)] public string? Experience { get; set; }
    [BindProperty(SupportsGet = true)] public string? EmploymentType { get; set; }
    [BindProperty(SupportsGet = true)] public string? KeyGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>A code of 职业分类大典 at any level (the list offers 大类 and 中类 by name).</summary>
    [BindProperty(SupportsGet = true)] public string? NationalOccupation { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ApiResult<SearchPage>? Results { get; private set; }
    public long Total { get; private set; }
    public int PageCount => (int)Math.Min(500, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SavedSearchResponse> SavedSearches { get; private set; } = [];
    public bool SavedSearchesAvailable { get; private set; }
    public bool IsSeeker => User.IsInRole("seeker");
    /// <summary>The less used filters stay folded away (a shorter form on a phone) unless one is set or refused.</summary>
    public bool MoreFilters => new[] { Education, Experience, EmploymentType, KeyGroup, Sort, NationalOccupation }.Any(value => !string.IsNullOrWhiteSpace(value))
        || InputErrors.ContainsKey("experience");
    /// <summary>The classification's 大类 and their 中类, for the occupation list (empty when the matching service did not answer).</summary>
    public IReadOnlyList<NationalGroup> NationalGroups { get; private set; } = [];

    /// <summary>A 大类's name, for its facet count.</summary>
    public string MajorGroupName(string code) =>
        NationalGroups.FirstOrDefault(group => group.Major.Code == code)?.Major.NameIn(T.Lang) ?? T["search.unclassified"];

    /// <summary>The point distances are measured from, when a radius was asked for.</summary>
    public bool FromBrowserLocation { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync(string? name)
    {
        if (!IsSeeker) return Challenge();
        var search = Understand();
        if (search is null) return await RefusedAsync(LoadSavedAsync);
        var result = await PostingsApi.SaveSearchAsync(new SavedSearchRequest(name, search.Q, search.Region, search.Lat, search.Lng, search.RadiusKm,
            Occupation: null, search.SalaryFrom, IncludeUnstatedSalary: null, search.EmploymentType is { } type ? [type] : null, EntryLevel: null,
            search.KeyGroup is { } group ? [group] : null, Empty(NationalOccupation)));
        return await AfterAsync(result, "search.saved", LoadAsync, RedirectValues());
    }

    public async Task<IActionResult> OnPostDeleteSavedAsync(Guid id)
    {
        if (!IsSeeker) return Challenge();
        return await AfterAsync(await PostingsApi.DeleteSavedSearchAsync(id), "search.savedDeleted", LoadAsync, RedirectValues());
    }

    /// <summary>The address of a page of these results.</summary>
    public string PageLink(int page) => "/Jobs?" + QueryString(RouteValues(page));

    /// <summary>Where a form acting on this search posts: the handler, with the search in the query.</summary>
    public string HandlerLink(string handler) => $"/Jobs?handler={handler}&" + QueryString(RouteValues());

    /// <summary>A saved search as a link to the search it stands for.</summary>
    public static string SavedLink(SavedSearchRequest search)
    {
        var place = new PlaceChoice().Show(Empty(search.Region));
        var values = new Dictionary<string, string?>
        {
            ["q"] = search.Q,
            ["place.League"] = place.League,
            ["place.County"] = place.County,
            ["radiusKm"] = Number(search.RadiusKm),
            ["lat"] = Number(search.Lat),
            ["lng"] = Number(search.Lng),
            ["salary"] = search.Salary?.ToString(CultureInfo.InvariantCulture),
            ["employmentType"] = search.EmploymentType?.FirstOrDefault(),
            ["keyGroup"] = search.KeyGroup?.FirstOrDefault(),
            ["nationalOccupation"] = Empty(search.NationalOccupation),
        };
        return "/Jobs?" + QueryString(values);
    }

    private Dictionary<string, string?> RouteValues(int? page = null) => new()
    {
        ["q"] = Q,
        ["place.League"] = Place.League,
        ["place.County"] = Place.County,
        ["place.Name"] = Place.Name,
        ["radiusKm"] = RadiusKm,
        ["lat"] = Lat,
        ["lng"] = Lng,
        ["salary"] = Salary,
        ["education"] = Education,
        ["experience"] = Experience,
        ["employmentType"] = EmploymentType,
        ["keyGroup"] = KeyGroup,
        ["sort"] = Sort,
        ["nationalOccupation"] = NationalOccupation,
        ["page"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    };

    /// <summary>
    /// The search to come back to after an action. Without "page": Razor Pages reads a route value of that name as the
    /// page to redirect to, and a null one names none (the redirect failed with "No page named ''").
    /// </summary>
    private Dictionary<string, string?> RedirectValues()
    {
        var values = RouteValues();
        values.Remove("page");
        return values;
    }

    private static string QueryString(Dictionary<string, string?> values) =>
        string.Join("&", values.Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value!.Trim())}"));

    /// <summary>What was typed, as the search API takes it; null (with the refusals recorded) when something is not understood.</summary>
    private Search? Understand()
    {
        var region = ResolvePlace(Place, "region", required: false, allowWhole: true);
        var (salaryFrom, salaryTo, salaryError) = TypedNumbers.Range(Salary);
        if (salaryError) Refuse("salary", "input.salaryRange");
        var (radius, radiusError) = TypedNumbers.Amount(RadiusKm);
        if (radiusError) Refuse("radiusKm", "input.km");
        var (years, yearsError) = TypedNumbers.Whole(Experience);
        if (yearsError) Refuse("experience", "input.years");
        double? lat = null, lng = null;
        if (radius is not null)
        {
            if (TypedNumbers.Coordinate(Lat) is { } browserLat && TypedNumbers.Coordinate(Lng) is { } browserLng)
            {
                (lat, lng) = (browserLat, browserLng);
                FromBrowserLocation = true;
            }
            else if (PlaceChoice.SeatOf(region) is { } seat)
            {
                (lat, lng) = seat;
            }
            else if (!InputErrors.ContainsKey("region"))
            {
                Refuse("radiusKm", "search.radiusNeedsPlace");
            }
        }
        if (InputErrors.Count > 0) return null;
        return new Search(Empty(Q), radius is null ? region : null, lat, lng, radius is null ? null : (double)radius.Value, salaryFrom, salaryTo,
            EducationLevels.Contains(Education) ? Education : null, years, Empty(EmploymentType), Empty(KeyGroup), Empty(Sort));
    }

    private async Task LoadAsync()
    {
        await LoadSavedAsync();
        NationalGroups = await NationalOccupations.MajorAndMiddleGroupsAsync(MatchingApi);
        var search = Understand();
        if (search is null)
        {
            Problem ??= ApiResult.Invalid(T["problem.fields"], InputErrors);
            return;
        }
        var query = new Dictionary<string, string?>
        {
            ["q"] = search.Q,
            ["region"] = search.Region,
            ["lat"] = Number(search.Lat),
            ["lng"] = Number(search.Lng),
            ["radiusKm"] = Number(search.RadiusKm),
            ["salary"] = search.SalaryFrom?.ToString(CultureInfo.InvariantCulture),
            ["salaryTo"] = search.SalaryTo?.ToString(CultureInfo.InvariantCulture),
            ["includeUnstatedSalary"] = search.SalaryFrom is null && search.SalaryTo is null ? null : "true",
            ["education"] = search.Education,
            ["experienceYears"] = search.ExperienceYears?.ToString(CultureInfo.InvariantCulture),
            ["employmentType"] = search.EmploymentType,
            ["keyGroup"] = search.KeyGroup,
            ["sort"] = search.Sort,
            ["nationalOccupation"] = Empty(NationalOccupation),
            ["limit"] = PageSize.ToString(CultureInfo.InvariantCulture),
            ["page"] = PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null,
        };
        Results = await PostingsApi.SearchAsync(QueryString(query));
        if (!Results.Ok) Problem ??= Results;
        Total = Results.Value?.Total ?? 0;
    }

    private async Task LoadSavedAsync()
    {
        if (!IsSeeker || SavedSearchesAvailable) return;
        var saved = await PostingsApi.SavedSearchesAsync();
        SavedSearchesAvailable = saved.Ok;
        SavedSearches = saved.Value ?? [];
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private sealed record Search(string? Q, string? Region, double? Lat, double? Lng, double? RadiusKm, decimal? SalaryFrom, decimal? SalaryTo,
        string? Education, int? ExperienceYears, string? EmploymentType, string? KeyGroup, string? Sort);
}

/// <summary>A search result as the card shows it.</summary>
public sealed record SearchHitView(PostingResponse Posting, double? DistanceKm);
