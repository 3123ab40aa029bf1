using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Infrastructure;

/// <summary>
/// A page that calls the gateway. Actions follow post/redirect/get: success leaves a notice for the next page,
/// failure re-renders the page with the API's problem (its title on top, its field messages beside the fields).
/// </summary>
public abstract class PortalPage : PageModel
{
    private IdentityApi? _identity;
    private PostingsApi? _postings;
    private MatchingApi? _matching;
    private NotificationsApi? _notifications;
    private ProfilesApi? _profiles;
    private Text? _text;

    /// <summary>The gateway's development issuer: sign-in, registration, sign-out, the login, HR users.</summary>
    protected IdentityApi IdentityApi => _identity ??= HttpContext.RequestServices.GetRequiredService<IdentityApi>();
    protected PostingsApi PostingsApi => _postings ??= HttpContext.RequestServices.GetRequiredService<PostingsApi>();
    protected MatchingApi MatchingApi => _matching ??= HttpContext.RequestServices.GetRequiredService<MatchingApi>();
    protected NotificationsApi NotificationsApi => _notifications ??= HttpContext.RequestServices.GetRequiredService<NotificationsApi>();
    protected ProfilesApi ProfilesApi => _profiles ??= HttpContext.RequestServices.GetRequiredService<ProfilesApi>();
    protected Text T => _text ??= HttpContext.RequestServices.GetRequiredService<Text>();

    /// <summary>The refused answer of this request's action, if any.</summary>
    public ApiResult? Problem { get; protected set; }

    [TempData]
    public string? Notice { get; set; }

    protected string UserId => User.UserId() ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>What the portal itself refused in the form (field → message in the page's language), before any API call.</summary>
    protected Dictionary<string, string> InputErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Refuses a field with a strings key's words.</summary>
    protected void Refuse(string field, string key) => InputErrors[field] = T[key];

    /// <summary>The page again with the portal's refusals beside their fields (and a place chosen by name shown in its lists).</summary>
    protected async Task<IActionResult> RefusedAsync(Func<Task> reload)
    {
        Problem = ApiResult.Invalid(T["problem.fields"], InputErrors);
        await reload();
        return Page();
    }

    /// <summary>A place picker's choice resolved; a refusal goes to <paramref name="field"/> (the API's name for it).</summary>
    protected string? ResolvePlace(PlaceChoice choice, string field, bool required, bool allowWhole = false)
    {
        var (code, error) = choice.Resolve(allowWhole);
        if (error is not null) Refuse(field, error);
        else if (code is null && required) Refuse(field, "place.required");
        return code;
    }

    /// <summary>After an action: on success a notice and a fresh GET of the page; on failure the page with the problem.</summary>
    protected async Task<IActionResult> AfterAsync(ApiResult result, string noticeKey, Func<Task> reload, object? routeValues = null)
    {
        if (result.Ok)
        {
            Notice = T[noticeKey];
            return RedirectToPage(null, routeValues);
        }
        Problem = result;
        await reload();
        return Page();
    }
}
