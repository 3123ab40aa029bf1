using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// The employer's organisation: registered once (credit code, legal name, industry, size, place by name, address,
/// contact), its verification status and the caseworker's note, and corrected when asked for more information.
/// </summary>
public sealed class OrganisationModel : PortalPage
{
    public static readonly string[] Sizes = ["micro", "small", "medium", "large"];
    public static readonly string[] Industries = [.. Enumerable.Range('A', 20).Select(c => ((char)c).ToString())];

    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public string? LegalName { get; set; }
    [BindProperty] public string? Industry { get; set; }
    [BindProperty] public string? Size { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty(Name = "place")] public PlaceChoice Place { get; set; } = new();

    public OrganisationResponse? Organisation { get; private set; }
    public OrganisationStatus? Status => Organisation?.Status;
    public bool MayEdit => Organisation is null || Status is OrganisationStatus.Pending or OrganisationStatus.NeedsInformation;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Organisation is not { } organisation || Problem is not null) return;
        (CreditCode, LegalName, Industry, Size) = (organisation.CreditCode, organisation.LegalName, organisation.Industry, ApiJson.Name(organisation.Size));
        (Address, ContactName, ContactPhone) = (organisation.Address, organisation.ContactName, organisation.ContactPhone);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var region = ResolvePlace(Place, "regionCode", required: true);
        if (InputErrors.Count > 0) return await RefusedAsync(LoadAsync);
        await LoadAsync();
        var body = new { creditCode = CreditCode, legalName = LegalName, industry = Industry, size = Size, regionCode = region, address = Address,
            contactName = ContactName, contactPhone = ContactPhone };
        var result = Organisation is null ? await PostingsApi.RegisterOrganisationAsync(body) : await PostingsApi.ResubmitOrganisationAsync(body);
        return await AfterAsync(result, "org.saved", LoadAsync);
    }

    /// <summary>"List": the county list for the league chosen, the form as typed.</summary>
    public async Task<IActionResult> OnPostPickAsync()
    {
        Place.Resolve();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var mine = await PostingsApi.MyOrganisationAsync();
        Organisation = mine.Value;
        if (!mine.Ok && !mine.NotFound) Problem ??= mine;
    }
}
