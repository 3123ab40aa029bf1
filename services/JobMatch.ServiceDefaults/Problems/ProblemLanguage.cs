using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace JobMatch.ServiceDefaults.Problems;

/// <summary>
/// Problem details in the caller's language: Simplified Chinese unless Accept-Language prefers English. The code
/// writes its messages in English, which are the keys of ProblemMessages.resx; ProblemMessages.zh-CN.resx holds the
/// Chinese for each. Messages with figures in them ("At most 50 skills.") are matched against their templates
/// ("At most {0} {1}.") and the figures carried over; state names in them ("submitted") have Chinese words too
/// (keys "word:…"). A message without a translation stays in English (a test lists every message the code writes).
/// </summary>
public static partial class ProblemLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private static readonly ResourceManager Resources = new("JobMatch.ServiceDefaults.Problems.ProblemMessages", typeof(ProblemLanguage).Assembly);
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo(Chinese);
    private static readonly Lazy<Catalogue> Loaded = new(Catalogue.Load);

    /// <summary>The language a request asked for: en when its most preferred language that we have is English, else zh-CN.</summary>
    public static string Of(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (header.Length == 0 || !StringWithQualityHeaderValue.TryParseList([header], out var languages)) return Chinese;
        foreach (var language in languages.OrderByDescending(value => value.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return English;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag == "*") return Chinese;
        }
        return Chinese;
    }

    /// <summary>Rewrites a problem's title, detail and field messages for the request's language (nothing to do for English).</summary>
    public static void Localize(HttpContext context, ProblemDetails problem)
    {
        var language = Of(context.Request);
        context.Response.Headers.ContentLanguage = language;
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (language == English) return;
        problem.Title = problem.Title is null ? null : Translate(problem.Title);
        problem.Detail = problem.Detail is null ? null : Translate(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
                validation.Errors[field] = validation.Errors[field].Select(Translate).ToArray();
        }
    }

    /// <summary>The Chinese of an English message the code wrote, or the message itself when it has none.</summary>
    public static string Translate(string message)
    {
        var known = Loaded.Value;
        if (known.Exact.TryGetValue(message, out var chinese)) return chinese;
        foreach (var (pattern, template) in known.Templates)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var figures = match.Groups.Cast<Group>().Skip(1).Select(group => (object)Word(group.Value)).ToArray();
            return string.Format(CultureInfo.InvariantCulture, template, figures);
        }
        return message;
    }

    /// <summary>Whether a message (or the template it came from) has a Chinese translation.</summary>
    public static bool IsTranslated(string message) =>
        Loaded.Value.Exact.ContainsKey(message) || Loaded.Value.Templates.Any(entry => entry.Pattern.IsMatch(message))
        || Loaded.Value.TemplateKeys.Contains(message);

    private static string Word(string value) => Loaded.Value.Words.GetValueOrDefault(value, value);

    private sealed class Catalogue
    {
        public required Dictionary<string, string> Exact { get; init; }
        public required List<(Regex Pattern, string Template)> Templates { get; init; }
        public required HashSet<string> TemplateKeys { get; init; }
        public required Dictionary<string, string> Words { get; init; }

        public static Catalogue Load()
        {
            var keys = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
                .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToList();
            var chinese = keys.ToDictionary(key => key, key => Resources.GetString(key, ChineseCulture) ?? key, StringComparer.Ordinal);
            var messages = keys.Where(key => !key.StartsWith("word:", StringComparison.Ordinal)).ToList();
            return new Catalogue
            {
                Exact = messages.Where(key => !Placeholder().IsMatch(key)).ToDictionary(key => key, key => chinese[key], StringComparer.Ordinal),
                // Longest first, so the most specific template wins.
                Templates = messages.Where(key => Placeholder().IsMatch(key)).OrderByDescending(key => key.Length)
                    .Select(key => (new Regex("^" + Placeholder().Replace(Regex.Escape(key).Replace(@"\{", "{", StringComparison.Ordinal), "(.+?)") + "$",
                        RegexOptions.CultureInvariant | RegexOptions.Singleline), chinese[key])).ToList(),
                TemplateKeys = messages.Where(key => Placeholder().IsMatch(key)).ToHashSet(StringComparer.Ordinal),
                Words = keys.Where(key => key.StartsWith("word:", StringComparison.Ordinal))
                    .ToDictionary(key => key["word:".Length..], key => chinese[key], StringComparer.Ordinal),
            };
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
