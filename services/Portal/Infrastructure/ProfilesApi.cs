using JobMatch.Contracts.Responses.Profiles;

namespace Portal.Infrastructure;

/// <summary>The profile service through the gateway, typed: the seeker's own profile, consents, export and contact reads; labour supply.</summary>
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

    /// <summary>The supply side of labour-market monitoring for an area and month (query: region, month, scheme, level).</summary>
    public Task<ApiResult<LabourSupply>> LabourSupplyAsync(string query) => gateway.GetAsync<LabourSupply>("api/profiles/monitoring/supply?" + query);
}
