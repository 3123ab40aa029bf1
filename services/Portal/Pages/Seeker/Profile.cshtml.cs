using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// The seeker's profile: where they live (picked or typed by name; the seat or, if they let the browser tell, their
/// own position for distances), how far they would travel, skills and occupations by name with the taxonomy's
/// suggestions, the 职业分类大典 细类 they seek (chosen by name; left unchosen, derived from the occupations sought), the pay
/// they hope for. Typed figures are understood or refused with a message, never saved empty.
/// The rest of the profile is kept as saved (the API replaces the whole profile).
/// </summary>
public sealed partial class ProfileModel : PortalPage
{
    /// <summary>Marks a position the browser just gave (places.js sets it), as opposed to one saved for a place.</summary>
    public const string FromBrowser = "browser";

    public ProfileResponse? Profile { get; private set; }
    /// <summary>Taxonomy skills for what the seeker typed in "add a skill" (filled after "suggest", without script).</summary>
    public IReadOnlyList<Suggestion> SkillSuggestions { get; private set; } = [];
    /// <summary>Taxonomy occupations for what the seeker typed in "add an occupation" (or, if empty, "add a skill").</summary>
    public IReadOnlyList<Suggestion> OccupationSuggestions { get; private set; } = [];
    /// <summary>True after "suggest" when the matching service answered (even with nothing); false when it had no taxonomy.</summary>
    public bool? SuggestionsAvailable { get; private set; }
    /// <summary>The 细类 picker's list (the one chosen, or those "find" found), whether the taxonomy answered, and with none chosen the one derived.</summary>
    public IReadOnlyList<NationalCode> NationalOptions { get; private set; } = [];
    public bool? NationalAvailable { get; private set; }
    public NationalCode? NationalDerived { get; private set; }
    /// <summary>NationalDerived is the saved profile's derived 细类 (occupations sought as saved), not a preview.</summary>
    public bool NationalDerivedSaved { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty(Name = "home")] public PlaceChoice Home { get; set; } = new();
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    /// <summary>The place the hidden position belongs to (its code), or "browser" for a position just given.</summary>
    [BindProperty] public string? PointFor { get; set; }
    [BindProperty] public string? MaxCommuteKm { get; set; }
    [BindProperty] public bool WillingToRelocate { get; set; }
    [BindProperty] public string? Skills { get; set; }
    [BindProperty] public string? NewSkill { get; set; }
    [BindProperty] public string? DesiredOccupations { get; set; }
    [BindProperty] public string? NewOccupation { get; set; }
    [BindProperty] public string? SalaryExpectation { get; set; }
    [BindProperty(Name = "national")] public NationalChoice National { get; set; } = new();
    /// <summary>A new profile's consents per purpose, when registration did not ask (accounts made elsewhere).</summary>
    [BindProperty] public List<string> Consents { get; set; } = [];

    /// <summary>Whether the form asks for consents itself (a new profile whose registration left no answers).</summary>
    public bool AsksConsent => Profile is null && Session.ConsentAnswers(User) is null;

    public async Task OnGetAsync() => await LoadAsync(fillForm: true);

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = (await ProfilesApi.MineAsync()).Value;
        var details = existing?.Details;
        var region = ResolvePlace(Home, "regionCode", required: true);
        var (commute, commuteError) = TypedNumbers.Whole(MaxCommuteKm);
        if (commuteError) Refuse("maxCommuteKm", "input.km");
        var (salary, salaryError) = TypedNumbers.Amount(SalaryExpectation);
        if (salaryError) Refuse("salaryExpectation", TypedNumbers.Range(SalaryExpectation).Error ? "input.amount" : "input.oneAmount");
        var keyGroupFacts = new JsonObject();
        DeclareKeyGroupFacts(keyGroupFacts, existing);
        if (InputErrors.Count > 0) return await RefusedAsync(() => LoadAsync(fillForm: false));

        var point = PointFor == FromBrowser || PointFor == region ? (TypedNumbers.Coordinate(Latitude), TypedNumbers.Coordinate(Longitude)) : (null, null);
        var (latitude, longitude) = point is (double lat, double lng) ? (lat, lng) : PlaceChoice.SeatOf(region) ?? (0, 0);
        var skills = Split(Skills).Concat(Split(NewSkill)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var body = new JsonObject
        {
            ["name"] = Name,
            ["phone"] = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
            ["skills"] = new JsonArray([.. skills.Select(s => (JsonNode)s)]),
            ["regionCode"] = region,
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["maxCommuteKm"] = commute,
            ["willingToRelocate"] = WillingToRelocate,
            ["desiredOccupations"] = new JsonArray([.. Split(DesiredOccupations).Concat(Split(NewOccupation)).Distinct(StringComparer.OrdinalIgnoreCase).Select(s => (JsonNode)s)]),
            ["salaryExpectation"] = salary,
            ["nationalOccupationCode"] = National.Chosen,
            // Kept as saved: the portal's form does not edit these, and PUT replaces the whole profile.
            ["nationalId"] = existing?.NationalId,
            ["workHistory"] = Saved(details?.WorkHistory),
            ["certificates"] = Saved(details?.Certificates),
            ["languages"] = Saved(details?.Languages),
            ["employmentTypes"] = Saved(details?.EmploymentTypes),
            ["availableFrom"] = Saved(details?.AvailableFrom),
            ["healthNotes"] = existing?.HealthNotes,
            ["lowIncomeHousehold"] = existing is null ? null : existing.LowIncomeHousehold,
        };
        foreach (var (field, value) in keyGroupFacts) body[field] = value?.DeepClone();
        // The consents asked at registration (or on this form) take effect with the first profile, not before it.
        if (existing is null) body["consents"] = ConsentsToSend();
        var result = await ProfilesApi.SaveMineAsync(body);
        return await AfterAsync(result, "profile.saved", () => LoadAsync(fillForm: false));
    }

    /// <summary>"List": the county list for the league chosen, the form as typed, nothing saved (no script needed).</summary>
    public async Task<IActionResult> OnPostPickAsync()
    {
        Home.Resolve();
        await LoadAsync(fillForm: false);
        return Page();
    }

    /// <summary>
    /// "Suggest": the form comes back as typed (nothing saved), with the taxonomy's skills and occupations for the
    /// words in "add a skill"/"add an occupation" in the fields' datalists and listed as text beside them.
    /// </summary>
    public async Task<IActionResult> OnPostSuggestAsync()
    {
        await LoadAsync(fillForm: false);
        var skillQuery = Split(NewSkill).LastOrDefault() ?? Split(Skills).LastOrDefault();
        var occupationQuery = Split(NewOccupation).LastOrDefault() ?? Split(NewSkill).LastOrDefault() ?? Split(DesiredOccupations).LastOrDefault();
        var skills = await Suggestions.ForAsync(MatchingApi, skillQuery, "skill", T.Lang);
        var occupations = await Suggestions.ForAsync(MatchingApi, occupationQuery, "occupation", T.Lang);
        SuggestionsAvailable = skills is not null || occupations is not null;
        SkillSuggestions = skills ?? [];
        OccupationSuggestions = occupations ?? [];
        return Page();
    }

    /// <summary>"Find": the 细类 the typed words name, in the picker's list, the form as typed, nothing saved (no script needed).</summary>
    public async Task<IActionResult> OnPostFindNationalAsync()
    {
        await LoadAsync(fillForm: false);
        var found = await NationalOccupations.FindAsync(MatchingApi, National.Typed);
        NationalAvailable = found is not null;
        NationalOptions = NationalOccupations.WithFound(NationalOptions, found);
        return Page();
    }

    private JsonObject ConsentsToSend()
    {
        var answers = Session.ConsentAnswers(User) ?? PrivacyModel.Purposes.ToDictionary(purpose => purpose, Consents.Contains);
        var consents = new JsonObject();
        foreach (var (purpose, granted) in answers) consents[purpose] = granted;
        return consents;
    }

    private async Task LoadAsync(bool fillForm)
    {
        Profile = (await ProfilesApi.MineAsync()).Value;
        if (fillForm && Profile is { } profile)
        {
            Name = profile.Name;
            Phone = profile.Phone ?? "";
            Home.Show(profile.RegionCode);
            Latitude = Fmt.Number(profile.Latitude, 6);
            Longitude = Fmt.Number(profile.Longitude, 6);
            PointFor = profile.RegionCode;
            MaxCommuteKm = profile.MaxCommuteKm?.ToString(CultureInfo.InvariantCulture) ?? "";
            WillingToRelocate = profile.WillingToRelocate;
            Skills = string.Join(", ", profile.Skills);
            DesiredOccupations = string.Join(", ", profile.Details?.DesiredOccupations ?? []);
            SalaryExpectation = Fmt.Number((double?)profile.Details?.SalaryExpectation, 0);
            ShowKeyGroupFacts(profile);
            National.Code = NationalOccupations.ChosenIn(profile.NationalOccupationCode, profile.NationalOccupationSource);
        }
        NationalOptions = await NationalOccupations.NamedAsync(MatchingApi, National.Chosen) is { } named ? [named] : [];
        if (National.Chosen is not null) return;
        // The saved derived 细类 while the occupations sought are as saved; else what they would derive.
        var sought = Split(DesiredOccupations).Concat(Split(NewOccupation)).ToList();
        var saved = sought.SequenceEqual(Profile?.Details?.DesiredOccupations ?? [])
            ? await NationalOccupations.NamedAsync(MatchingApi, NationalOccupations.SavedDerivedIn(Profile?.NationalOccupationCode, Profile?.NationalOccupationSource)) : null;
        NationalDerivedSaved = saved is not null;
        NationalDerived = saved ?? await NationalOccupations.DerivedAsync(MatchingApi, sought.FirstOrDefault(), "occupation");
    }

    /// <summary>A saved part of the profile as the request carries it back.</summary>
    private static JsonNode? Saved<T>(T? value) => value is null ? null : JsonSerializer.SerializeToNode(value, ApiJson.Options);

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
