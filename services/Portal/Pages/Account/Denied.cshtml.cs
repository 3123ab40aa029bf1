using Portal.Infrastructure;

namespace Portal.Pages.Account;

public sealed class DeniedModel : PortalPage
{
    public void OnGet()
    {
    }
}
