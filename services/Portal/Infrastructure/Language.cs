using System.Globalization;
using Portal.Resources;

namespace Portal.Infrastructure;

/// <summary>zh (zh-CN) by default; ?lang=en or ?lang=zh switches and is remembered in a cookie.</summary>
public static class Language
{
    public const string Chinese = "zh";
    public const string English = "en";
    public const string CookieName = "jobmatch.lang";
    private const string ItemKey = "portal.lang";

    public static void Choose(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        string lang;
        if (asked is Chinese or English)
        {
            lang = asked;
            context.Response.Cookies.Append(CookieName, lang, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps, IsEssential = true,
            });
        }
        else
        {
            lang = context.Request.Cookies[CookieName] is English ? English : Chinese;
        }
        context.Items[ItemKey] = lang;
        // IStringLocalizer reads the UI culture; numbers and dates are formatted explicitly, never by culture.
        CultureInfo.CurrentUICulture = lang == English ? Strings.English : Strings.Chinese;
    }

    public static string Of(HttpContext? context) => context?.Items[ItemKey] as string ?? Chinese;

    /// <summary>The language the APIs are asked for (Accept-Language) and name things in (lang=…).</summary>
    public static string ApiLanguage(string lang) => lang == English ? "en" : "zh-CN";

    /// <summary>The value of the html lang attribute.</summary>
    public static string HtmlLang(string lang) => lang == English ? "en" : "zh-CN";
}
