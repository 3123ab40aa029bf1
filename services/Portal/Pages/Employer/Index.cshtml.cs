using System.Text.Json.Nodes;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// The employer's home: its organisation's verification and key-enterprise status (set by a caseworker; the bureau's
/// provisioned accounts carry it in the token), and its postings in every state.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public ApiResult? Postings { get; private set; }
    public JsonNode? Organisation { get; private set; }

    public bool KeyEnterprise => KeyEnterprises.Of(User, Organisation);

    public async Task OnGetAsync()
    {
        Postings = await Api.GetAsync("api/postings/mine");
        var mine = await Api.GetAsync("api/organisations/mine");
        Organisation = mine.Ok ? mine.Body : null;
    }
}

/// <summary>Whether the employer is a key enterprise: its organisation marked by a caseworker, or the token's claim.</summary>
public static class KeyEnterprises
{
    public static bool Of(System.Security.Claims.ClaimsPrincipal user, JsonNode? organisation) =>
        user.FindFirst(PortalClaims.KeyEnterprise)?.Value == "true" || organisation.Bool("keyEnterprise");
}
