using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// Create or edit a draft, submit it, and see screening's flags (rule and matched text) beside the form. The place
/// and occupation are chosen by name (the place's seat gives the map point), the 职业分类大典 细类 too (left unchosen,
/// the service derives it from the title, and the form says as what); typed figures ("3人", "5千") are understood or
/// refused with a message.
/// </summary>
public sealed class PostingModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    /// <summary>The occupation by name (the taxonomy resolves names; the API field is still called occupationCode).</summary>
    [BindProperty] public string? OccupationCode { get; set; }
    [BindProperty] public string? Skills { get; set; }
    [BindProperty(Name = "place")] public PlaceChoice Place { get; set; } = new();
    [BindProperty] public string? SalaryMin { get; set; }
    [BindProperty] public string? SalaryMax { get; set; }
    [BindProperty] public bool SalaryNegotiable { get; set; }
    [BindProperty] public string? Vacancies { get; set; }
    [BindProperty] public string? EmploymentType { get; set; }
    [BindProperty] public List<string> KeyGroups { get; set; } = [];
    [BindProperty(Name = "national")] public NationalChoice National { get; set; } = new();

    public PostingResponse? Posting { get; private set; }
    public IReadOnlyList<Suggestion> OccupationSuggestions { get; private set; } = [];
    public bool? SuggestionsAvailable { get; private set; }
    public IReadOnlyList<ScreeningFlag> Flags { get; private set; } = [];
    /// <summary>The picker's list: the 细类 chosen, or those "find" found.</summary>
    public IReadOnlyList<NationalCode> NationalOptions { get; private set; } = [];
    public bool? NationalAvailable { get; private set; }
    /// <summary>With no 细类 chosen: the one the title would be derived as, or the one the service derived and saved.</summary>
    public NationalCode? NationalDerived { get; private set; }
    /// <summary>NationalDerived is the saved posting's derived 细类 (title and occupation as saved), not a preview.</summary>
    public bool NationalDerivedSaved { get; private set; }

    /// <summary>Where the picker's "find" posts: this form, kept as typed.</summary>
    public string FindNationalAction => Id is null ? "/Employer/Posting?handler=FindNational" : $"/Employer/Posting?handler=FindNational&id={Id}";
    public PostingStatus? Status => Posting?.Status;
    public bool Editable => Posting is null || Status == PostingStatus.Draft;

    public async Task OnGetAsync() => await LoadAsync(fillForm: true);

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var body = Body();
        if (body is null) return await RefusedAsync(() => LoadAsync(fillForm: false));
        var result = Id is { } id ? await PostingsApi.EditAsync(id, body) : await PostingsApi.CreateAsync(body);
        if (result.Value is { } saved && Id is null) Id = saved.Id;
        return await AfterAsync(result, "posting.saved", () => LoadAsync(fillForm: false), new { id = Id });
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        var body = Body();
        if (body is null) return await RefusedAsync(() => LoadAsync(fillForm: false));
        var saved = Id is { } id ? await PostingsApi.EditAsync(id, body) : await PostingsApi.CreateAsync(body);
        if (saved.Value is not { } posting) return await AfterAsync(saved, "posting.saved", () => LoadAsync(fillForm: false), new { id = Id });
        Id ??= posting.Id;
        var published = await PostingsApi.PublishAsync(Id.Value);
        var notice = published.Value?.Status == PostingStatus.Published ? "posting.published" : "posting.needsReview";
        return await AfterAsync(published, notice, () => LoadAsync(fillForm: false), new { id = Id });
    }

    public async Task<IActionResult> OnPostCloseAsync() => Id is not { } id ? NotFound()
        : await AfterAsync(await PostingsApi.CloseAsync(id), "posting.closed", () => LoadAsync(fillForm: true), new { id = Id });

    /// <summary>"List": the county list for the league chosen, the form as typed (no script needed).</summary>
    public async Task<IActionResult> OnPostPickAsync()
    {
        Place.Resolve();
        await LoadAsync(fillForm: false);
        return Page();
    }

    /// <summary>"Suggest": occupation names from the taxonomy for what was typed, the form as typed.</summary>
    public async Task<IActionResult> OnPostSuggestAsync()
    {
        await LoadAsync(fillForm: false);
        var found = await Suggestions.ForAsync(MatchingApi, OccupationCode, "occupation", T.Lang);
        SuggestionsAvailable = found is not null;
        OccupationSuggestions = found ?? [];
        return Page();
    }

    /// <summary>"Find": the 细类 the typed words name, in the picker's list, the form as typed (no script needed).</summary>
    public async Task<IActionResult> OnPostFindNationalAsync()
    {
        await LoadAsync(fillForm: false);
        var found = await NationalOccupations.FindAsync(MatchingApi, National.Typed);
        NationalAvailable = found is not null;
        NationalOptions = NationalOccupations.WithFound(NationalOptions, found);
        return Page();
    }

    /// <summary>The API's body for what was typed; null with the refusals recorded when a figure or the place is not understood.</summary>
    private JsonObject? Body()
    {
        var region = ResolvePlace(Place, "regionCode", required: true);
        var (salaryMin, minError) = TypedNumbers.Amount(SalaryMin);
        if (minError) Refuse("salaryMin", "input.amount");
        var (salaryMax, maxError) = TypedNumbers.Amount(SalaryMax);
        if (maxError) Refuse("salaryMax", "input.amount");
        var (vacancies, vacanciesError) = TypedNumbers.Whole(Vacancies);
        if (vacanciesError) Refuse("vacancies", "input.people");
        if (InputErrors.Count > 0) return null;
        var seat = PlaceChoice.SeatOf(region);
        return new JsonObject
        {
            ["title"] = Title,
            ["description"] = Description ?? "",
            ["occupationCode"] = Empty(OccupationCode),
            ["skills"] = new JsonArray([.. Split(Skills).Select(s => (JsonNode)s)]),
            ["regionCode"] = region,
            ["latitude"] = seat?.Latitude,
            ["longitude"] = seat?.Longitude,
            ["salaryMin"] = salaryMin,
            ["salaryMax"] = salaryMax,
            ["salaryNegotiable"] = SalaryNegotiable,
            ["vacancies"] = vacancies,
            ["employmentType"] = Empty(EmploymentType),
            ["keyGroups"] = new JsonArray([.. KeyGroups.Distinct().Select(k => (JsonNode)k)]),
            ["nationalOccupationCode"] = National.Chosen,
        };
    }

    private async Task LoadAsync(bool fillForm)
    {
        await LoadPostingAsync(fillForm);
        await LoadNationalAsync();
    }

    /// <summary>
    /// The picker's list holds the 细类 chosen (named); with none chosen, the 细类 the service derived and saved while the
    /// title and occupation are as saved, else the one the title would be derived as.
    /// </summary>
    private async Task LoadNationalAsync()
    {
        NationalOptions = await NationalOccupations.NamedAsync(MatchingApi, National.Chosen) is { } named ? [named] : [];
        if (National.Chosen is not null) return;
        var asSaved = Posting is not null && Title == Posting.Title && (OccupationCode ?? "") == (Posting.OccupationCode ?? "");
        var saved = asSaved ? await NationalOccupations.NamedAsync(MatchingApi, NationalOccupations.SavedDerivedIn(Posting!.NationalOccupationCode, Posting.NationalOccupationSource)) : null;
        NationalDerivedSaved = saved is not null;
        NationalDerived = saved ?? await NationalOccupations.DerivedAsync(MatchingApi, Title, "title");
    }

    private async Task LoadPostingAsync(bool fillForm)
    {
        if (Id is not { } id) return;
        var result = await PostingsApi.GetAsync(id);
        if (result.Value is not { } posting)
        {
            Problem ??= result;
            return;
        }
        Posting = posting;
        Flags = (await PostingsApi.FlagsAsync(id)).Value ?? [];
        if (!fillForm) return;
        Title = posting.Title;
        Description = posting.Description;
        OccupationCode = posting.OccupationCode ?? "";
        Skills = string.Join(", ", posting.Skills);
        Place.Show(posting.RegionCode);
        SalaryMin = Fmt.Number((double?)posting.SalaryMin, 0);
        SalaryMax = Fmt.Number((double?)posting.SalaryMax, 0);
        SalaryNegotiable = posting.SalaryNegotiable;
        Vacancies = posting.Vacancies.ToString(System.Globalization.CultureInfo.InvariantCulture);
        EmploymentType = ApiJson.Name(posting.EmploymentType);
        KeyGroups = [.. (posting.KeyGroups ?? []).Select(ApiJson.Name)];
        National.Code = NationalOccupations.ChosenIn(posting.NationalOccupationCode, posting.NationalOccupationSource);
    }

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
