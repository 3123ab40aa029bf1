using System.Globalization;
using JobMatch.Contracts.Responses;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Infrastructure;

/// <summary>The page's words in the request's language (Resources/Strings*.resx); an unknown key shows as itself.</summary>
public sealed class Text(IHttpContextAccessor accessor, IStringLocalizer<Strings> words)
{
    public string Lang => Language.Of(accessor.HttpContext);

    public string this[string key] => words[key];

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>An API value (a status, a key group) in words, or the value itself when there are no words for it.</summary>
    public string Value(string prefix, string value) => words[$"{prefix}.{value}"] is { ResourceNotFound: false } found ? found.Value : value;

    /// <summary>An enum of an answer's record in words, by the name it has in the JSON ("fullTime"), as the resources key it.</summary>
    public string Value<TEnum>(string prefix, TEnum value) where TEnum : struct, Enum => Value(prefix, ApiJson.Name(value));

    /// <summary>Whether a key has words (for optional texts).</summary>
    public bool Has(string key) => !words[key].ResourceNotFound;
}
