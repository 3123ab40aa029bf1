using System.Security.Claims;
using JobMatch.Contracts.Responses.Postings;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// The employer's home: its organisation's verification and key-enterprise status (set by a caseworker; the bureau's
/// provisioned accounts carry it in the token), and its postings in every state.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public ApiResult<IReadOnlyList<PostingResponse>>? Postings { get; private set; }
    public OrganisationResponse? Organisation { get; private set; }

    public bool KeyEnterprise => KeyEnterprises.Of(User, Organisation);

    public async Task OnGetAsync()
    {
        Postings = await PostingsApi.MineAsync();
        Organisation = (await PostingsApi.MyOrganisationAsync()).Value;
    }
}

/// <summary>Whether the employer is a key enterprise: its organisation marked by a caseworker, or the token's claim.</summary>
public static class KeyEnterprises
{
    public static bool Of(ClaimsPrincipal user, OrganisationResponse? organisation) =>
        user.FindFirst(PortalClaims.KeyEnterprise)?.Value == "true" || organisation?.KeyEnterprise == true;
}
