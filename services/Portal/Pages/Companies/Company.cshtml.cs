using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Companies;

/// <summary>A company page, for anyone: the organisation's name, verification label, industry, size, place and open postings.</summary>
[AllowAnonymous]
public sealed class CompanyModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CompanyPage? Company { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var company = await PostingsApi.CompanyAsync(Id);
        if (company.NotFound) return NotFound();
        if (!company.Ok) Problem = company;
        Company = company.Value;
        return Page();
    }
}
