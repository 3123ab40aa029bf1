using System.Globalization;
using System.Text;

namespace JobPostings.Benchmarks.Baseline;

/// <summary>
/// The baseline's text (before issue 17). The text search matches on. Chinese has no spaces between words, and a two-character word such as 焊工 is
/// shorter than a trigram, so Chinese runs are written as overlapping character bigrams ("电焊工" → "电焊 焊工"),
/// each a space-separated word; other scripts become lower-case words. A query normalised the same way turns into
/// LIKE patterns bounded by spaces, from which pg_trgm extracts indexable trigrams even for two-character words.
/// </summary>
public static class SearchText
{
    public static string Build(params IEnumerable<string?>[] parts) =>
        " " + string.Join(' ', parts.SelectMany(part => part).SelectMany(text => Tokens(text))) + " ";

    /// <summary>The query's words: Chinese bigrams (a lone Chinese character stays one), other words lower-cased.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        var word = new StringBuilder();
        var han = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsHan(c))
            {
                Flush(word, tokens);
                han.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                FlushHan(han, tokens);
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush(word, tokens);
                FlushHan(han, tokens);
            }
        }
        Flush(word, tokens);
        FlushHan(han, tokens);
        return tokens;
    }

    /// <summary>
    /// A LIKE pattern per query token: Chinese bigrams match whole words; other words match as word prefixes
    /// (weld finds welder, welding). Tokens hold only letters and digits, so nothing needs escaping.
    /// </summary>
    public static IReadOnlyList<string> Patterns(string? query) =>
        Tokens(query).Distinct(StringComparer.Ordinal)
            .Select(token => IsHan(token[0]) && token.Length == 2 ? $"% {token} %" : $"% {token}%")
            .ToList();

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0) tokens.Add(word.ToString());
        word.Clear();
    }

    private static void FlushHan(StringBuilder han, List<string> tokens)
    {
        if (han.Length == 1) tokens.Add(han.ToString());
        for (var i = 0; i + 1 < han.Length; i++) tokens.Add(han.ToString(i, 2));
        han.Clear();
    }

    private static bool IsHan(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
