using JobMatch.Contracts.Responses.Profiles;

namespace Portal.Infrastructure;

/// <summary>The profile service through the gateway, typed: the seeker's own profile, consents, export and contact reads; applicants' cards; the register and a seeker as staff read them, key-group decisions; labour supply.</summary>
public sealed class ProfilesApi(GatewayClient gateway)
{
    /// <summary>The seeker's profile, personal fields opened; 404 before the first one is saved.</summary>
    public Task<ApiResult<ProfileResponse>> MineAsync() => gateway.GetAsync<ProfileResponse>("api/profiles/me");

    /// <summary>Saves the whole profile (PUT replaces it).</summary>
    public Task<ApiResult<ProfileResponse>> SaveMineAsync(object profile) => gateway.PutAsync<ProfileResponse>("api/profiles/me", profile);

    /// <summary>The seeker's consents per purpose; 404 before the first profile is saved.</summary>
    public Task<ApiResult<IReadOnlyList<ConsentResponse>>> ConsentsAsync() =>
        gateway.GetAsync<IReadOnlyList<ConsentResponse>>("api/profiles/me/consents");

    public Task<ApiResult<ConsentResponse>> SetConsentAsync(string purpose, bool granted) =>
        gateway.PutAsync<ConsentResponse>($"api/profiles/me/consents/{Uri.EscapeDataString(purpose)}", new { granted });

    /// <summary>Each read of the seeker's contact details by an employer they applied to, newest first.</summary>
    public Task<ApiResult<IReadOnlyList<EmployerContactRead>>> ContactReadsAsync() =>
        gateway.GetAsync<IReadOnlyList<EmployerContactRead>>("api/profiles/me/contact-reads");

    /// <summary>Everything the profile service holds of the seeker.</summary>
    public Task<ApiResult<ProfileExport>> ExportAsync() => gateway.GetAsync<ProfileExport>("api/profiles/me/export");

    /// <summary>Deletes the profile and announces the seeker's deletion to every service (no body: 204).</summary>
    public Task<ApiResult> DeleteMineAsync() => gateway.DeleteAsync("api/profiles/me");

    /// <summary>The cards of a page of a posting's applicants, in one call (at most 50); a card the profile service cannot show is missing.</summary>
    public Task<ApiResult<IReadOnlyList<ApplicantCard>>> ApplicantCardsAsync(Guid postingId, IReadOnlyList<Guid> applicationIds) =>
        gateway.PostAsync<IReadOnlyList<ApplicantCard>>("api/profiles/applicants/cards", new { postingId, applicationIds });

    /// <summary>A page of the register of the caseworker's regions (query: reason, filters, after, limit); every seeker listed is audited.</summary>
    public Task<ApiResult<SeekerRegisterPage>> RegisterAsync(string query) => gateway.GetAsync<SeekerRegisterPage>("api/profiles/seekers?" + query);

    /// <summary>One seeker as staff read them, with a reason (audited); reveal opens "nationalId", "sensitive" or "keyGroupEvidence".</summary>
    public Task<ApiResult<StaffProfileResponse>> SeekerAsync(Guid seekerId, string? reason, string? reveal = null) =>
        gateway.GetAsync<StaffProfileResponse>($"api/profiles/{seekerId}?"
            + (reveal is null ? "" : "reveal=" + Uri.EscapeDataString(reveal) + "&") + "reason=" + Uri.EscapeDataString(reason ?? ""));

    /// <summary>A caseworker verifies a seeker's key group.</summary>
    public Task<ApiResult<KeyGroupResponse>> VerifyKeyGroupAsync(Guid seekerId, string keyGroup, string? reason) =>
        gateway.PostAsync<KeyGroupResponse>($"api/profiles/{seekerId}/key-groups/{Uri.EscapeDataString(keyGroup)}/verification", new { reason });

    /// <summary>A caseworker finds a key group false; the reason is what the seeker reads.</summary>
    public Task<ApiResult<KeyGroupResponse>> RejectKeyGroupAsync(Guid seekerId, string keyGroup, string? reason) =>
        gateway.PostAsync<KeyGroupResponse>($"api/profiles/{seekerId}/key-groups/{Uri.EscapeDataString(keyGroup)}/rejection", new { reason });

    /// <summary>A caseworker sets a key group on their own evidence.</summary>
    public Task<ApiResult<KeyGroupResponse>> CorrectKeyGroupAsync(Guid seekerId, string keyGroup, bool? applies, string? evidence, string? reason) =>
        gateway.PutAsync<KeyGroupResponse>($"api/profiles/{seekerId}/key-groups/{Uri.EscapeDataString(keyGroup)}",
            new { applies, evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence, reason });

    /// <summary>The supply side of labour-market monitoring for an area and month (query: region, month, scheme, level).</summary>
    public Task<ApiResult<LabourSupply>> LabourSupplyAsync(string query) => gateway.GetAsync<LabourSupply>("api/profiles/monitoring/supply?" + query);
}
