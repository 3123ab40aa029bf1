using System.Text.RegularExpressions;

namespace JobPostings.Api.Screening;

/// <summary>
/// A pattern that flags a posting, unless the words around the match negate it ("男女不限", "no fees are charged",
/// "体检费由公司承担"). The look-around stays inside the sentence, so a negation elsewhere cannot excuse a match.
/// Applies, when given, decides on the match itself (an age limit of 16 or 18 is the law's, not discrimination).
/// </summary>
public sealed class ScreeningRule(string id, string kind, string pattern, string? unlessBefore = null, string? unlessAfter = null,
    Func<string, bool>? applies = null)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);
    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '!', '？', '?', '\n', '.'];

    private readonly Regex _pattern = new(pattern, Options, Timeout);
    private readonly Regex? _unlessBefore = unlessBefore is null ? null : new Regex(unlessBefore, Options, Timeout);
    private readonly Regex? _unlessAfter = unlessAfter is null ? null : new Regex(unlessAfter, Options, Timeout);

    public string Id { get; } = id;
    public string Kind { get; } = kind;

    public IEnumerable<ScreeningFlag> Find(string text)
    {
        foreach (Match match in _pattern.Matches(text))
        {
            if (applies is not null && !applies(match.Value)) continue;
            var before = text[Math.Max(0, match.Index - 16)..match.Index];
            before = before[(before.LastIndexOfAny(SentenceEnds) + 1)..];
            var after = text[(match.Index + match.Length)..Math.Min(text.Length, match.Index + match.Length + 16)];
            var end = after.IndexOfAny(SentenceEnds);
            if (end >= 0) after = after[..end];
            if (_unlessBefore?.IsMatch(before) == true || _unlessAfter?.IsMatch(after) == true) continue;
            yield return new ScreeningFlag(Id, Kind, match.Value.Trim());
        }
    }
}
