using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>
/// The verification queue (organisations of the caseworker's regions waiting, each decided with a reason) and the key
/// enterprises (重点企业) of the region: marked and unmarked with a reason, with whether each has filed this month's
/// vacancy report — those that have not first.
/// </summary>
public sealed class OrganisationsModel : PortalPage
{
    public static readonly string[] Decisions = ["verified", "needsInformation", "rejected"];

    public ApiResult<IReadOnlyList<VerificationItem>>? Queue { get; private set; }
    public ApiResult<IReadOnlyList<KeyEnterpriseItem>>? KeyEnterprises { get; private set; }

    /// <summary>The region whose key enterprises are listed: the first the caseworker serves (all of Inner Mongolia for administrators).</summary>
    public string Region => User.FindAll(PortalClaims.Region).Select(c => c.Value).FirstOrDefault() ?? "150000";

    /// <summary>The key-enterprise form as typed, kept when the API refused it (the credit code names the row; "" the mark form).</summary>
    public (string CreditCode, string? Reason)? Typed { get; private set; }
    [BindProperty] public string? MarkCreditCode { get; set; }

    public async Task OnGetAsync()
    {
        Queue = await PostingsApi.VerificationQueueAsync();
        KeyEnterprises = await PostingsApi.KeyEnterprisesAsync(Region);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? status, string? reason)
    {
        var result = await PostingsApi.DecideOrganisationAsync(id, status, reason);
        return await AfterAsync(result, "verify.decided", OnGetAsync);
    }

    /// <summary>Marks (keyEnterprise=true, the code typed) or unmarks (a listed row's code) a key enterprise, with the reason.</summary>
    public async Task<IActionResult> OnPostKeyEnterpriseAsync(string? creditCode, bool keyEnterprise, string? reason)
    {
        Typed = (keyEnterprise ? "" : creditCode ?? "", reason);
        MarkCreditCode = keyEnterprise ? creditCode : null;
        var result = await PostingsApi.SetKeyEnterpriseAsync(creditCode, keyEnterprise, reason);
        if (result.NotFound)
        {
            Refuse("creditCode", "keyEnterprise.notFound");
            return await RefusedAsync(OnGetAsync);
        }
        return await AfterAsync(result, keyEnterprise ? "keyEnterprise.marked" : "keyEnterprise.unmarked", OnGetAsync);
    }
}
