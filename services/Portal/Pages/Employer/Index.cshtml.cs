using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>The organisation as the token names it (no organisation API yet) and its postings in every state.</summary>
public sealed class IndexModel : PortalPage
{
    public ApiResult? Postings { get; private set; }
    public bool KeyEnterprise => User.FindFirst(PortalClaims.KeyEnterprise)?.Value == "true";

    public async Task OnGetAsync() => Postings = await Api.GetAsync("api/postings/mine");
}
