using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Employer;

/// <summary>
/// 规模性裁员减员报告: the organisation reports how many people it lays off (of how many employed), from when, and
/// why; caseworkers of its region see it on the monitoring page's early warnings.
/// </summary>
public sealed class LayoffReportModel : PortalPage
{
    public static readonly string[] Reasons = ["seriousDifficulty", "restructuring", "changedCircumstances", "bankruptcyReorganisation", "other"];

    [BindProperty] public string? Affected { get; set; }
    [BindProperty] public string? Workforce { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? ReasonCode { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<LayoffReportResponse> Reports { get; private set; } = [];

    public async Task OnGetAsync() => Reports = (await PostingsApi.MyLayoffReportsAsync()).Value ?? [];

    public async Task<IActionResult> OnPostAsync()
    {
        var (affected, affectedError) = TypedNumbers.Whole(Affected);
        if (affectedError) Refuse("affected", "input.people");
        var (workforce, workforceError) = TypedNumbers.Whole(Workforce);
        if (workforceError) Refuse("workforce", "input.people");
        if (InputErrors.Count > 0) return await RefusedAsync(OnGetAsync);
        var result = await PostingsApi.FileLayoffReportAsync(new
        {
            affected, workforce, effectiveOn = string.IsNullOrWhiteSpace(EffectiveOn) ? null : EffectiveOn.Trim(), reasonCode = ReasonCode, reason = Reason,
        });
        return await AfterAsync(result, "layoff.filed", OnGetAsync);
    }
}
