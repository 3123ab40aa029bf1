using System.Text;
using System.Text.RegularExpressions;

namespace JobPostings.Api.Screening;

/// <summary>
/// A pattern that flags a posting, unless the words around the match negate it ("男女不限", "no fees are charged",
/// "体检费由公司承担"). The look-around stays inside the sentence, so a negation elsewhere cannot excuse a match.
/// Applies, when given, decides on the match itself (an age limit of 16 or 18 is the law's, not discrimination).
/// The look-around reaches <c>reach</c> characters each way: 16 is a clause in Chinese; English rules that need
/// "test samples for HIV, hepatitis B" in view ask for more.
/// Patterns are written for <see cref="ScreeningText.Folded"/>: lower case, simplified characters. <c>\b</c> means
/// a Latin word boundary — between an ASCII letter or digit and anything else — because .NET's own counts Chinese
/// characters as word characters (no boundary in "HIV检测") and would let "hiv" match inside nothing but Latin words.
/// </summary>
public sealed class ScreeningRule
{
    /// <summary>
    /// Interpreted, not RegexOptions.Compiled: compiled patterns screened a 20,000-character description 3.5 times
    /// faster, but building the rule book took 7 s on two busy cores and each pattern's first match JIT-compiles it
    /// inside the timeout (docs/benchmarks.md). Postings are short: interpreted screening is 0.5 ms at the median.
    /// </summary>
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string LatinBoundary = "(?:(?<=[a-z0-9])(?![a-z0-9])|(?<![a-z0-9])(?=[a-z0-9]))";
    /// <summary>Wall-clock, per match: generous, since two busy cores can stall a thread far longer than any pattern takes.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly char[] SentenceEnds = ['。', ';', '!', '?', '\n', '.'];

    private readonly Regex _pattern;
    private readonly Regex? _unlessBefore;
    private readonly Regex? _unlessAfter;
    private readonly Func<string, bool>? _applies;
    private readonly int _reach;

    public ScreeningRule(string id, string kind, string pattern, string? unlessBefore = null, string? unlessAfter = null, Func<string, bool>? applies = null,
        int reach = 16)
    {
        _reach = reach;
        Id = id;
        Kind = kind;
        Patterns = new[] { pattern, unlessBefore, unlessAfter }.OfType<string>().ToList();
        _pattern = Compile(pattern);
        _unlessBefore = unlessBefore is null ? null : Compile(unlessBefore);
        _unlessAfter = unlessAfter is null ? null : Compile(unlessAfter);
        _applies = applies;
    }

    public string Id { get; }
    public string Kind { get; }

    /// <summary>The pattern and its exceptions as written (the traditional-character map must cover their characters).</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>
    /// The flags this rule raises on a text. A pattern that runs out of time (a pathological text, or a machine far
    /// behind) cannot clear the posting, so it is held for a caseworker with that said, rather than failing the request.
    /// </summary>
    public IReadOnlyList<ScreeningFlag> Find(ScreeningText text)
    {
        try
        {
            return Matches(text).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [new ScreeningFlag(Id + ".timeout", Kind, "screening ran out of time on this text; a caseworker reads it")];
        }
    }

    private IEnumerable<ScreeningFlag> Matches(ScreeningText text)
    {
        var folded = text.Folded;
        foreach (Match match in _pattern.Matches(folded))
        {
            if (match.Length == 0 || (_applies is not null && !_applies(match.Value))) continue;
            var before = folded[Math.Max(0, match.Index - _reach)..match.Index];
            before = before[(before.LastIndexOfAny(SentenceEnds) + 1)..];
            var after = folded[(match.Index + match.Length)..Math.Min(folded.Length, match.Index + match.Length + _reach)];
            var end = after.IndexOfAny(SentenceEnds);
            if (end >= 0) after = after[..end];
            if (_unlessBefore?.IsMatch(before) == true || _unlessAfter?.IsMatch(after) == true) continue;
            yield return new ScreeningFlag(Id, Kind, text.Original(match.Index, match.Length).Trim());
        }
    }

    public static Regex Compile(string pattern) => new(WithLatinBoundaries(pattern), Options, Timeout);

    /// <summary>Rewrites each <c>\b</c> (outside a character class) as a Latin word boundary.</summary>
    private static string WithLatinBoundaries(string pattern)
    {
        var rewritten = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                if (pattern[i + 1] == 'b' && !inClass) rewritten.Append(LatinBoundary);
                else rewritten.Append(c).Append(pattern[i + 1]);
                i++;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            rewritten.Append(c);
        }
        return rewritten.ToString();
    }
}
