using Portal.Infrastructure;

namespace Portal.Pages;

public sealed class IndexModel : PortalPage
{
    public void OnGet()
    {
    }
}
