using System.Globalization;
using System.Text;

namespace JobMatch.TextAnalysis;

/// <summary>
/// The one clean form of text people type, before anything judges, compares or indexes it: Unicode NFKC (full-width
/// ＱＱ becomes QQ, compatibility ideographs their unified form), every format character removed (zero-width space and
/// joiners, word joiner, soft hyphen, byte-order mark, bidirectional controls, variation selectors), control
/// characters and every run of white space folded to one space, trimmed. Case and everything else stay as typed,
/// so the clean form can be shown and stored; comparisons lower-case it themselves.
/// </summary>
public static class TextNormalizer
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var nfkc = ToNfkc(text);
        var builder = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        foreach (var rune in nfkc.EnumerateRunes())
        {
            if (IsInvisible(rune)) continue;
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// Whether a character is one nobody sees: Unicode format characters (category Cf: U+200B–U+200F, U+2060–U+2064,
    /// U+00AD, U+FEFF, U+202A–U+202E …), variation selectors, and the combining grapheme joiner. Inserted inside a
    /// word, they break every comparison without changing what a reader sees.
    /// </summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is >= 0xFE00 and <= 0xFE0F   // variation selectors
        || rune.Value is >= 0xE0100 and <= 0xE01EF // variation selectors supplement
        || rune.Value == 0x034F                    // combining grapheme joiner
        || rune.Value == 0x3164 || rune.Value == 0xFFA0 // Hangul fillers, rendered blank
        || rune.Value == 0x115F || rune.Value == 0x1160;

    /// <summary>
    /// What no client may send in a text field: NUL and other control characters (tab, line feed and carriage return
    /// aside), lone surrogates (not text at all), and noncharacters. Returns the first offending character's index, or
    /// -1. Callers refuse such input with a 400 naming the field rather than store or judge it.
    /// </summary>
    public static int FindForbidden(string? text)
    {
        if (string.IsNullOrEmpty(text)) return -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1]))) return i;
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c)) return i;
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return i;
            if (IsNoncharacter(c)) return i;
        }
        return -1;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string ToNfkc(string text)
    {
        if (Ascii.IsValid(text)) return text;
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; drop them (FindForbidden refuses them at the API's edge).
            var builder = new StringBuilder(text.Length);
            foreach (var rune in EnumerateValidRunes(text)) builder.Append(rune.ToString());
            return builder.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    private static IEnumerable<Rune> EnumerateValidRunes(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
                yield return rune;
            index += consumed;
        }
    }
}
