using JobMatch.Contracts.Responses.Postings;

namespace Portal.Infrastructure;

/// <summary>
/// The job-posting service through the gateway, typed (eShop WebApp's CatalogService): postings, search, saved
/// searches, applications and their interviews and contact requests. Each answer is the service's own record.
/// </summary>
public sealed class PostingsApi(GatewayClient gateway)
{
    public Task<ApiResult<SearchPage>> SearchAsync(string query) => gateway.GetAsync<SearchPage>("api/postings/search?" + query);

    public Task<ApiResult<PostingResponse>> GetAsync(Guid id) => gateway.GetAsync<PostingResponse>($"api/postings/{id}");

    /// <summary>The employer's postings in every state.</summary>
    public Task<ApiResult<IReadOnlyList<PostingResponse>>> MineAsync() => gateway.GetAsync<IReadOnlyList<PostingResponse>>("api/postings/mine");

    public Task<ApiResult<PostingResponse>> CreateAsync(object posting) => gateway.PostAsync<PostingResponse>("api/postings", posting);

    public Task<ApiResult<PostingResponse>> EditAsync(Guid id, object posting) => gateway.PutAsync<PostingResponse>($"api/postings/{id}", posting);

    /// <summary>Submits a draft: published, or held for review (the answer's status says which).</summary>
    public Task<ApiResult<PostingResponse>> PublishAsync(Guid id) => gateway.PostAsync<PostingResponse>($"api/postings/{id}/publish");

    public Task<ApiResult<PostingResponse>> CloseAsync(Guid id) => gateway.PostAsync<PostingResponse>($"api/postings/{id}/close");

    /// <summary>Why screening held the posting, rule by rule.</summary>
    public Task<ApiResult<IReadOnlyList<ScreeningFlag>>> FlagsAsync(Guid id) => gateway.GetAsync<IReadOnlyList<ScreeningFlag>>($"api/postings/{id}/flags");

    public Task<ApiResult<ApplicationResponse>> ApplyAsync(Guid postingId, string? coverNote) =>
        gateway.PostAsync<ApplicationResponse>($"api/postings/{postingId}/applications", new { coverNote = string.IsNullOrWhiteSpace(coverNote) ? null : coverNote });

    /// <summary>The seeker's applications, newest first.</summary>
    public Task<ApiResult<IReadOnlyList<ApplicationResponse>>> MyApplicationsAsync() =>
        gateway.GetAsync<IReadOnlyList<ApplicationResponse>>("api/applications/mine");

    public Task<ApiResult<ApplicationResponse>> WithdrawAsync(Guid applicationId) =>
        gateway.PostAsync<ApplicationResponse>($"api/applications/{applicationId}/withdraw");

    public Task<ApiResult<ApplicationResponse>> AnswerInterviewAsync(Guid applicationId, bool accept, string? note) =>
        gateway.PostAsync<ApplicationResponse>($"api/applications/{applicationId}/interview/answer",
            new { accept, note = string.IsNullOrWhiteSpace(note) ? null : note });

    public Task<ApiResult<ApplicationResponse>> AnswerContactRequestAsync(Guid applicationId, bool accept) =>
        gateway.PostAsync<ApplicationResponse>($"api/applications/{applicationId}/contact-request/answer", new { accept });

    /// <summary>A page of a posting's applicants (status null: all), with the posting's totals per status; for its employer.</summary>
    public Task<ApiResult<ApplicantsPage>> ApplicantsAsync(Guid postingId, string? status, int page, int limit) =>
        gateway.GetAsync<ApplicantsPage>($"api/postings/{postingId}/applications?limit={limit}&page={page}"
            + (status is null ? "" : "&status=" + Uri.EscapeDataString(status)));

    /// <summary>The employer moves an application on (viewed, interview, offer, hired) or rejects it with a reason.</summary>
    public Task<ApiResult<ApplicationResponse>> MoveApplicationAsync(Guid applicationId, string? status, string? reason) =>
        gateway.PostAsync<ApplicationResponse>($"api/applications/{applicationId}/status",
            new { status, reason = string.IsNullOrWhiteSpace(reason) ? null : reason });

    /// <summary>Schedules or moves the application's interview.</summary>
    public Task<ApiResult<ApplicationResponse>> ScheduleInterviewAsync(Guid applicationId, DateTimeOffset at, string? place, string? contactName, string? contactPhone) =>
        gateway.PutAsync<ApplicationResponse>($"api/applications/{applicationId}/interview", new { at, place, contactName, contactPhone });

    public Task<ApiResult<ApplicationResponse>> CancelInterviewAsync(Guid applicationId) =>
        gateway.DeleteAsync<ApplicationResponse>($"api/applications/{applicationId}/interview");

    /// <summary>The employer asks a masked applicant for their contact.</summary>
    public Task<ApiResult<ApplicationResponse>> RequestContactAsync(Guid applicationId) =>
        gateway.PostAsync<ApplicationResponse>($"api/applications/{applicationId}/contact-request");

    /// <summary>A seeker's applications to postings of the caseworker's regions, read with a reason (audited).</summary>
    public Task<ApiResult<IReadOnlyList<ApplicationResponse>>> SeekersApplicationsAsync(Guid seekerId, string? reason) =>
        gateway.GetAsync<IReadOnlyList<ApplicationResponse>>($"api/applications?seekerId={seekerId}&reason={Uri.EscapeDataString(reason ?? "")}");

    /// <summary>The follow-up visits recorded on an application, oldest first.</summary>
    public Task<ApiResult<IReadOnlyList<FollowUpResponse>>> FollowUpsAsync(Guid applicationId) =>
        gateway.GetAsync<IReadOnlyList<FollowUpResponse>>($"api/applications/{applicationId}/follow-ups");

    /// <summary>Records a follow-up visit (跟踪回访) on an application.</summary>
    public Task<ApiResult<FollowUpResponse>> RecordFollowUpAsync(Guid applicationId, object visit) =>
        gateway.PostAsync<FollowUpResponse>($"api/applications/{applicationId}/follow-ups", visit);

    public Task<ApiResult<IReadOnlyList<SavedSearchResponse>>> SavedSearchesAsync() =>
        gateway.GetAsync<IReadOnlyList<SavedSearchResponse>>("api/saved-searches");

    public Task<ApiResult<SavedSearchResponse>> SaveSearchAsync(SavedSearchRequest search) =>
        gateway.PostAsync<SavedSearchResponse>("api/saved-searches", search);

    /// <summary>Deletes a saved search (no body: 204).</summary>
    public Task<ApiResult> DeleteSavedSearchAsync(Guid id) => gateway.DeleteAsync($"api/saved-searches/{id}");

    /// <summary>The employer's own organisation, contact opened; 404 before it registered one.</summary>
    public Task<ApiResult<OrganisationResponse>> MyOrganisationAsync() => gateway.GetAsync<OrganisationResponse>("api/organisations/mine");

    public Task<ApiResult<OrganisationResponse>> RegisterOrganisationAsync(object organisation) =>
        gateway.PostAsync<OrganisationResponse>("api/organisations", organisation);

    /// <summary>The owner corrects a pending or needs-information organisation and resubmits it.</summary>
    public Task<ApiResult<OrganisationResponse>> ResubmitOrganisationAsync(object organisation) =>
        gateway.PutAsync<OrganisationResponse>("api/organisations/mine", organisation);

    /// <summary>The public company page: name, verification, industry, size, place, open postings.</summary>
    public Task<ApiResult<CompanyPage>> CompanyAsync(Guid organisationId) => gateway.GetAsync<CompanyPage>($"api/organisations/{organisationId}");

    /// <summary>Organisations waiting in the caseworker's verification queue.</summary>
    public Task<ApiResult<IReadOnlyList<VerificationItem>>> VerificationQueueAsync() =>
        gateway.GetAsync<IReadOnlyList<VerificationItem>>("api/organisations/verification");

    public Task<ApiResult<VerificationItem>> DecideOrganisationAsync(Guid organisationId, string? status, string? reason) =>
        gateway.PostAsync<VerificationItem>($"api/organisations/{organisationId}/decision", new { status, reason });

    /// <summary>The key enterprises of a region, with whether each filed the month's vacancy report.</summary>
    public Task<ApiResult<IReadOnlyList<KeyEnterpriseItem>>> KeyEnterprisesAsync(string region) =>
        gateway.GetAsync<IReadOnlyList<KeyEnterpriseItem>>("api/organisations/key-enterprises?region=" + Uri.EscapeDataString(region));

    public Task<ApiResult<KeyEnterpriseStatus>> SetKeyEnterpriseAsync(string? creditCode, bool keyEnterprise, string? reason) =>
        gateway.PostAsync<KeyEnterpriseStatus>("api/organisations/key-enterprises", new { creditCode, keyEnterprise, reason });

    /// <summary>The caseworker's review queue: held postings with screening's flags, reported ones with their complaints.</summary>
    public Task<ApiResult<IReadOnlyList<ReviewItem>>> ReviewQueueAsync() => gateway.GetAsync<IReadOnlyList<ReviewItem>>("api/review");

    /// <summary>A review decision: "approve", "reject" or "return" (the last two with a reason).</summary>
    public Task<ApiResult<PostingResponse>> DecideReviewAsync(Guid postingId, string decision, string? reason) =>
        gateway.PostAsync<PostingResponse>($"api/review/{postingId}/{decision}",
            decision == "approve" ? null : new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason });

    /// <summary>The organisation's lay-off reports.</summary>
    public Task<ApiResult<IReadOnlyList<LayoffReportResponse>>> MyLayoffReportsAsync() =>
        gateway.GetAsync<IReadOnlyList<LayoffReportResponse>>("api/layoff-reports/mine");

    public Task<ApiResult<LayoffReportResponse>> FileLayoffReportAsync(object report) =>
        gateway.PostAsync<LayoffReportResponse>("api/layoff-reports", report);

    /// <summary>The lay-off reports of a region the caseworker serves.</summary>
    public Task<ApiResult<IReadOnlyList<LayoffReportResponse>>> LayoffReportsAsync(string? region) =>
        gateway.GetAsync<IReadOnlyList<LayoffReportResponse>>("api/layoff-reports?region=" + Uri.EscapeDataString(region ?? ""));

    /// <summary>The key enterprise's monthly vacancy reports.</summary>
    public Task<ApiResult<IReadOnlyList<VacancyReportResponse>>> MyVacancyReportsAsync() =>
        gateway.GetAsync<IReadOnlyList<VacancyReportResponse>>("api/vacancy-reports/mine");

    /// <summary>Files (or replaces) the month's vacancy report.</summary>
    public Task<ApiResult<VacancyReportResponse>> FileVacancyReportAsync(string month, object report) =>
        gateway.PutAsync<VacancyReportResponse>($"api/vacancy-reports/{Uri.EscapeDataString(month)}", report);

    /// <summary>A month's vacancy reports of an area (null: every area the caseworker serves).</summary>
    public Task<ApiResult<IReadOnlyList<VacancyReportResponse>>> VacancyReportsAsync(string month, string? region) =>
        gateway.GetAsync<IReadOnlyList<VacancyReportResponse>>($"api/vacancy-reports?month={Uri.EscapeDataString(month)}"
            + (region is null ? "" : "&region=" + Uri.EscapeDataString(region)));

    /// <summary>A month's vacancy reports of an area added up per 职业分类大典 occupation.</summary>
    public Task<ApiResult<VacancyReportTotals>> VacancyTotalsAsync(string month, string region) =>
        gateway.GetAsync<VacancyReportTotals>($"api/vacancy-reports/by-occupation?month={Uri.EscapeDataString(month)}&region={Uri.EscapeDataString(region)}");

    /// <summary>The demand side of labour-market monitoring for an area and month (query: region, month, scheme, level).</summary>
    public Task<ApiResult<LabourDemand>> LabourDemandAsync(string query) => gateway.GetAsync<LabourDemand>("api/postings/monitoring/demand?" + query);
}
