using System.Globalization;

namespace Portal.Infrastructure;

/// <summary>The page's words in the request's language (see <see cref="Strings"/>); an unknown key shows as itself.</summary>
public sealed class Text(IHttpContextAccessor accessor)
{
    public string Lang => Language.Of(accessor.HttpContext);

    public string this[string key] => Strings.All.TryGetValue(key, out var text) ? Lang == Language.English ? text.En : text.Zh : key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>An API value (a status, a key group) in words, or the value itself when the table has no words for it.</summary>
    public string Value(string prefix, string value) => Strings.All.ContainsKey($"{prefix}.{value}") ? this[$"{prefix}.{value}"] : value;
}
