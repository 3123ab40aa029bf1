using System.Collections;
using System.Globalization;
using System.Resources;

namespace Portal.Resources;

/// <summary>
/// Every word the portal shows: Strings.resx in Chinese (the default language), Strings.en.resx in English, read
/// through <c>IStringLocalizer&lt;Strings&gt;</c> (see <see cref="Infrastructure.Text"/>). Tests check each key a page uses is in both.
/// </summary>
public sealed class Strings
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    /// <summary>A key's words in one language, without a request (tests, exports); null when the key is missing.</summary>
    public static string? In(CultureInfo language, string key) => Resources.GetString(key, language);

    /// <summary>The keys that have words in a language, looked up in that language's own file only.</summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo language) =>
        Resources.GetResourceSet(language == English ? English : CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);
}
