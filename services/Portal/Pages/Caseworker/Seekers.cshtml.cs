using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// The register of the caseworker's regions: search by name, ID number, key group, verification, a rejected group
/// re-declared, placement and days without contact, page by page. The profile service audits every listed seeker with the reason given here.
/// </summary>
public sealed class SeekersModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? NationalId { get; set; }
    [BindProperty(SupportsGet = true)] public string? KeyGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verified { get; set; }
    [BindProperty(SupportsGet = true)] public string? Placed { get; set; }
    /// <summary>"true": only seekers with a rejected key group they have declared new facts for since (to look at again).</summary>
    [BindProperty(SupportsGet = true)] public string? Redeclared { get; set; }
    [BindProperty(SupportsGet = true)] public int? NotContactedForDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    /// <summary>The division to narrow to, picked or typed by name (the shared place picker), never a code.</summary>
    [BindProperty(SupportsGet = true, Name = "place")] public PlaceChoice Place { get; set; } = new();
    /// <summary>Set by the picker's "list" button (no script): the page comes back with the league's counties, nothing read.</summary>
    [BindProperty(SupportsGet = true)] public string? Pick { get; set; }


    public ApiResult<SeekerRegisterPage>? Register { get; private set; }

    /// <summary>The filters as the register's query string, for the API call and for the next page's link.</summary>
    public string Query(string? after = null)
    {
        var parts = new List<string> { "reason=" + Uri.EscapeDataString(Reason ?? "") };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("name", Name);
        Add("nationalId", NationalId);
        Add("keyGroup", KeyGroup);
        Add("verified", Verified);
        Add("placed", Placed);
        Add("redeclared", Redeclared);
        Add("notContactedForDays", NotContactedForDays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("place.League", Place.League);
        Add("place.County", Place.County);
        Add("after", after);
        return string.Join("&", parts);
    }

    public async Task OnGetAsync()
    {
        // The first visit shows the form only: a list is a read of people, and needs its reason first.
        var (code, error) = Place.Resolve();
        if (Pick is not null || string.IsNullOrWhiteSpace(Reason)) return;
        if (error is not null)
        {
            Refuse("regionCode", error);
            Problem = ApiResult.Invalid(T["problem.fields"], InputErrors);
            return;
        }
        Register = await ProfilesApi.RegisterAsync("limit=25&" + Query(After) + (code is null ? "" : "&regionCode=" + Uri.EscapeDataString(code)));
        if (!Register.Ok) Problem = Register;
    }
}
