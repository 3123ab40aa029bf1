using System.Globalization;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.Screening;

/// <summary>
/// A posting's text as the rules read it, so that what a reader sees is what is judged: each line cleaned by
/// <see cref="TextNormalizer.Clean"/> (NFKC, invisible characters out), then folded — lower case, traditional
/// characters of the rule vocabulary to simplified (<see cref="TraditionalCharacters"/>), spacing and filler
/// punctuation between two Chinese characters dropped (押 金, 押-金, 押·金 → 押金), and single Latin letters spelt out
/// with one filler between them joined (Q Q, w.e.c.h.a.t, H-I-V → qq, wechat, hiv). Lines stay lines, since a rule's
/// sentence ends at a line break. Every folded character remembers where it came from in the clean text, so a flag
/// quotes the words as the employer wrote them (minus the invisible characters), not the folded form.
/// </summary>
public sealed class ScreeningText
{
    private const int MaxFillerRun = 3;
    private static readonly string[] LineBreaks = ["\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085"];

    private readonly string _clean;
    private readonly int[] _origin;

    private ScreeningText(string clean, string folded, int[] origin)
    {
        _clean = clean;
        Folded = folded;
        _origin = origin;
    }

    /// <summary>What the rules match against.</summary>
    public string Folded { get; }

    public static ScreeningText From(string text)
    {
        var clean = string.Join('\n', text.Split(LineBreaks, StringSplitOptions.None).Select(TextNormalizer.Clean));
        var folded = new List<(char Char, int Origin)>(clean.Length);
        for (var i = 0; i < clean.Length; i++) folded.Add((TraditionalCharacters.ToSimplified(char.ToLowerInvariant(clean[i])), i));
        folded = JoinSpelledOutLetters(DropFillersBetweenHan(folded));
        return new ScreeningText(clean, new string(folded.Select(c => c.Char).ToArray()), folded.Select(c => c.Origin).ToArray());
    }

    /// <summary>The clean text behind folded characters [start, start + length).</summary>
    public string Original(int start, int length) =>
        length == 0 ? "" : _clean[_origin[start]..(_origin[start + length - 1] + 1)];

    private static List<(char Char, int Origin)> DropFillersBetweenHan(List<(char Char, int Origin)> text)
    {
        var kept = new List<(char Char, int Origin)>(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            if (IsFiller(text[i].Char) && kept.Count > 0 && IsHan(kept[^1].Char))
            {
                var end = i;
                while (end < text.Count && IsFiller(text[end].Char)) end++;
                if (end - i <= MaxFillerRun && end < text.Count && IsHan(text[end].Char))
                {
                    i = end - 1;
                    continue;
                }
            }
            kept.Add(text[i]);
        }
        return kept;
    }

    /// <summary>
    /// Joins runs of lone Latin letters with one filler between them (q q, h-i-v), and lone digits with one space
    /// (3 5岁) — but not digits with a dash or dot, which are ranges and decimals (5-8年, 1.5万).
    /// </summary>
    private static List<(char Char, int Origin)> JoinSpelledOutLetters(List<(char Char, int Origin)> text)
    {
        bool Lone(int i) => i >= 0 && i < text.Count && char.IsAsciiLetterOrDigit(text[i].Char)
            && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1].Char)) && (i == text.Count - 1 || !char.IsAsciiLetterOrDigit(text[i + 1].Char));
        bool Joins(int i) =>
            Lone(i - 1) && Lone(i + 1) && (char.IsAsciiLetter(text[i - 1].Char) && char.IsAsciiLetter(text[i + 1].Char)
                ? IsFiller(text[i].Char)
                : char.IsAsciiDigit(text[i - 1].Char) && char.IsAsciiDigit(text[i + 1].Char) && text[i].Char == ' ');
        var joins = Enumerable.Range(0, text.Count).Where(Joins).ToHashSet();
        return joins.Count == 0 ? text : text.Where((_, i) => !joins.Contains(i)).ToList();
    }

    /// <summary>Space and punctuation that carries no meaning inside a word: dashes, dots, slashes, stars, quotes, tildes.</summary>
    private static bool IsFiller(char c) =>
        c == ' ' || "-_.·・•*~^|/\\'\"`+=#&@".Contains(c, StringComparison.Ordinal)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation;

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
