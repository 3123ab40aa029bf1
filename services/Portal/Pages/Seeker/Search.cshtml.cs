using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>The search moved to the public job board (/Jobs); old links and bookmarks land there with their query.</summary>
[AllowAnonymous]
public sealed class SearchModel : PortalPage
{
    public IActionResult OnGet() => RedirectPermanent("/Jobs" + Request.QueryString);
}
