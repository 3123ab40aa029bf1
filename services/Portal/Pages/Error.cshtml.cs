using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PortalPage
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Status = status ?? 500;

    public void OnPost(int? status) => Status = status ?? 500;
}
