using System.Text.Json;
using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// Consents per purpose, which employers read the seeker's contact details (for which job, when), the readable export, and deleting the account: after a confirmation, the profile and what
/// every service holds of the seeker (applications and cover notes, saved searches, notifications, matches) and the
/// login itself, whose tokens stop working; then a page says what was deleted.
/// </summary>
public sealed class PrivacyModel : PortalPage
{
    public static readonly string[] Purposes = ["matching", "employer-sharing", "caseworker-contact"];

    public ApiResult<IReadOnlyList<ConsentResponse>>? Consents { get; private set; }

    /// <summary>Each read of the seeker's contact details by an employer they applied to (organisation, job, when).</summary>
    public ApiResult<IReadOnlyList<EmployerContactRead>>? ContactReads { get; private set; }

    public async Task OnGetAsync()
    {
        Consents = await ProfilesApi.ConsentsAsync();
        ContactReads = await ProfilesApi.ContactReadsAsync();
    }

    public bool Granted(string purpose) => Consents?.Value?.Any(consent => consent.Purpose == purpose && consent.Granted) == true;

    public async Task<IActionResult> OnPostConsentAsync(string purpose, bool granted) =>
        await AfterAsync(await ProfilesApi.SetConsentAsync(purpose, granted), "privacy.consentSaved", OnGetAsync);

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            Refuse("confirm", "privacy.confirmNeeded");
            return await RefusedAsync(OnGetAsync);
        }
        var held = await WhatIsHeldAsync();
        var profile = await ProfilesApi.DeleteMineAsync();
        if (!profile.Ok)
        {
            Problem = profile;
            await OnGetAsync();
            return Page();
        }
        // The login last: once it is gone this session's token no longer works anywhere.
        var login = await IdentityApi.DeleteLoginAsync();
        var deleted = held with { LoginDeleted = login.Value?.LoginDeleted == true, DemoAccount = login.Status == System.Net.HttpStatusCode.Conflict };
        await HttpContext.SignOutAsync();
        TempData[Account.DeletedModel.Key] = JsonSerializer.Serialize(deleted);
        return Redirect("/Account/Deleted");
    }

    /// <summary>What the services hold of the seeker, counted before deleting it, so the seeker is told what went.</summary>
    private async Task<DeletedData> WhatIsHeldAsync()
    {
        var profile = await ProfilesApi.MineAsync();
        var consents = await ProfilesApi.ConsentsAsync();
        var applications = await PostingsApi.MyApplicationsAsync();
        var searches = await PostingsApi.SavedSearchesAsync();
        var notifications = await NotificationsApi.MineAsync(T.Lang);
        return new DeletedData(profile.Ok, consents.Value?.Count ?? 0, applications.Value?.Count ?? 0, searches.Value?.Count ?? 0,
            notifications.Value?.Count ?? 0, false, false);
    }
}

/// <summary>What deleting an account removed, for the page after it.</summary>
public sealed record DeletedData(bool Profile, int Consents, int Applications, int SavedSearches, int Notifications, bool LoginDeleted, bool DemoAccount);
