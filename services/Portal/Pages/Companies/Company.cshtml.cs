using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Companies;

/// <summary>A company page, for anyone: the organisation's name, verification label, industry, size, place and open postings.</summary>
[AllowAnonymous]
public sealed class CompanyModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public JsonNode? Company { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var company = await Api.GetAsync($"api/organisations/{Id}");
        if (company.NotFound) return NotFound();
        if (!company.Ok) Problem = company;
        Company = company.Body;
        return Page();
    }
}
