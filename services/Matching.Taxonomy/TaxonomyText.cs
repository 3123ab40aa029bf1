using System.Buffers;
using System.Globalization;
using System.Text;

namespace Matching.Taxonomy;

/// <summary>
/// The one normal form for labels and for what people type (docs/decisions/030-skill-taxonomy.md):
/// NFKC (full-width → ASCII), lower case, apostrophes dropped, every other character that is not a letter, digit,
/// '#' or '+' is a separator; English words lightly singularised; "a", "an", "the" dropped; words separated by one
/// space, except that no space is kept next to a Chinese/Japanese/Korean character (Chinese has no spaces, so
/// "C1 驾照" and "C1驾照" are the same key).
/// </summary>
public static class TaxonomyText
{
    public static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : NormalizeNfkc(ToNfkc(text));

    /// <summary><see cref="Normalize"/> of text already in NFKC (the clauses of <see cref="Clauses"/>).</summary>
    internal static string NormalizeNfkc(string s)
    {
        char[]? rented = null;
        Span<char> buffer = s.Length < 256 ? stackalloc char[s.Length + 1] : (rented = ArrayPool<char>.Shared.Rent(s.Length + 1));
        var writer = new Writer(buffer);
        foreach (var raw in s)
        {
            if (raw is '\'' or '\u2019' or '\u2018' or '\u02BC')
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            if (IsCjk(c))
            {
                writer.EndWord();
                writer.Cjk(c);
            }
            else if (IsWordChar(c))
            {
                writer.WordChar(c);
            }
            else
            {
                writer.EndWord();
            }
        }

        writer.EndWord();
        var result = writer.Written.ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Builds the normal form in place: words separated by one space, none next to a CJK character.</summary>
    private ref struct Writer(Span<char> buffer)
    {
        private readonly Span<char> _buffer = buffer;
        private int _length;
        private int _wordStart = -1;   // where the current Latin word starts, -1 outside a word
        private bool _spaceBefore;      // a space was written before the current word
        private bool _lastWasCjk = true; // the start behaves like a CJK neighbour: no leading space

        public readonly ReadOnlySpan<char> Written => _buffer[.._length];

        public void Cjk(char c)
        {
            _buffer[_length++] = c;
            _lastWasCjk = true;
        }

        public void WordChar(char c)
        {
            if (_wordStart < 0)
            {
                _spaceBefore = !_lastWasCjk && _length > 0;
                if (_spaceBefore)
                {
                    _buffer[_length++] = ' ';
                }

                _wordStart = _length;
            }

            _buffer[_length++] = c;
        }

        public void EndWord()
        {
            if (_wordStart < 0)
            {
                return;
            }

            var word = _buffer[_wordStart.._length];
            var keep = false;
            var asciiLetters = true;
            foreach (var c in word)
            {
                keep |= char.IsLetterOrDigit(c);
                asciiLetters &= char.IsAsciiLetterLower(c);
            }

            keep &= !word.SequenceEqual("a") && !word.SequenceEqual("an") && !word.SequenceEqual("the");
            if (!keep)
            {
                _length = _spaceBefore ? _wordStart - 1 : _wordStart;
            }
            else
            {
                if (asciiLetters)
                {
                    _length = _wordStart + SingularLength(word);
                }

                _lastWasCjk = false;
            }

            _wordStart = -1;
        }

        /// <summary>
        /// Light English singular, in place: skills→skill, companies→company, boxes→box; business, status, analysis
        /// stay. Returns the new length of the word.
        /// </summary>
        private static int SingularLength(Span<char> word)
        {
            var n = word.Length;
            if (n < 4 || word[n - 1] != 's')
            {
                return n;
            }

            if (n >= 5 && word.EndsWith("ies"))
            {
                word[n - 3] = 'y';
                return n - 2;
            }

            if (word.EndsWith("sses") || word.EndsWith("shes") || word.EndsWith("ches") || word.EndsWith("xes"))
            {
                return n - 2;
            }

            return word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is") ? n : n - 1;
        }
    }

    /// <summary>Chinese/Japanese/Korean characters: written without spaces, so any of them is a word boundary.</summary>
    internal static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\u3005' and <= '\u3007')
            || char.IsSurrogate(c);

    internal static bool ContainsCjk(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsWordChar(char c) =>
        c < 128
            ? char.IsAsciiLetterOrDigit(c) || c is '#' or '+'
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Whether a word may start or end at position i of a normalised key (its ends, a space, a Chinese character).</summary>
    internal static bool IsWordBoundary(string key, int i) =>
        i == 0 || i == key.Length || key[i] == ' ' || key[i - 1] == ' ' || IsCjk(key[i]) || IsCjk(key[i - 1]);

    /// <summary>
    /// The longest key inside a normalised key that <paramref name="find"/> knows, starting and ending at word
    /// boundaries, the later one on a tie (a Chinese title's head noun comes last), with its length.
    /// </summary>
    internal static (T? Found, int Length) LongestKeyIn<T>(string key, Func<string, T?> find)
        where T : class
    {
        var boundaries = new List<int>();
        for (var i = 0; i <= key.Length; i++)
        {
            if (IsWordBoundary(key, i))
            {
                boundaries.Add(i);
            }
        }

        for (var length = key.Length; length >= 2; length--)
        {
            for (var b = boundaries.Count - 1; b >= 0; b--)
            {
                var end = boundaries[b];
                var start = end - length;
                if (start < 0 || boundaries.BinarySearch(start) < 0 || key[start] == ' ' || key[end - 1] == ' ')
                {
                    continue;
                }

                if (find(key[start..end]) is { } found)
                {
                    return (found, length);
                }
            }
        }

        return (null, 0);
    }

    /// <summary>Splits free text into clauses at sentence and list punctuation, so no label matches across a comma.</summary>
    internal static IEnumerable<string> Clauses(string text)
    {
        var s = ToNfkc(text);
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ends = c is ',' or ';' or ':' or '!' or '?' or '\n' or '\r' or '\t' or '|' or '/' or '(' or ')'
                    or '[' or ']' or '{' or '}' or '"'
                    or '、' or '。' or '；' or '：' or '！' or '？' or '「' or '」' or '『' or '』' or '【' or '】'
                    or '《' or '》' or '〈' or '〉' or '…' or '“' or '”' or '•' or '·'
                || (c == '.' && (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1]) || IsCjk(s[i + 1])));
            if (ends)
            {
                if (i > start)
                {
                    yield return s[start..i];
                }

                start = i + 1;
            }
        }

        if (s.Length > start)
        {
            yield return s[start..];
        }
    }

    private static string ToNfkc(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text; // lone surrogates: keep the text as typed rather than fail a search
        }
    }
}
