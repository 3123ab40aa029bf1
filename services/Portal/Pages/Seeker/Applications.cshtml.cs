using JobMatch.Contracts.Responses.Postings;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// The seeker's applications; for each, an interview invitation to accept or decline (with a note for the employer),
/// and an employer's request for their contact to accept or decline.
/// </summary>
public sealed class ApplicationsModel : PortalPage
{
    public ApiResult<IReadOnlyList<ApplicationResponse>>? Applications { get; private set; }

    /// <summary>The application whose answer the API refused, so its note is shown again with the problem.</summary>
    public Guid? Answering { get; private set; }
    public string? TypedNote { get; private set; }

    public async Task OnGetAsync() => Applications = await PostingsApi.MyApplicationsAsync();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        await AfterAsync(await PostingsApi.WithdrawAsync(id), "applications.withdrawn", OnGetAsync);

    public async Task<IActionResult> OnPostAnswerInterviewAsync(Guid id, bool accept, string? note)
    {
        (Answering, TypedNote) = (id, note);
        var result = await PostingsApi.AnswerInterviewAsync(id, accept, note);
        return await AfterAsync(result, accept ? "interview.accepted" : "interview.declined", OnGetAsync);
    }

    public async Task<IActionResult> OnPostAnswerContactAsync(Guid id, bool accept) =>
        await AfterAsync(await PostingsApi.AnswerContactRequestAsync(id, accept),
            accept ? "applications.contactShared" : "applications.contactRefused", OnGetAsync);
}
