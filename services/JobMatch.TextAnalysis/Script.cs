namespace JobMatch.TextAnalysis;

/// <summary>Which characters are Chinese (and other scripts written without spaces), and which make up a Latin word.</summary>
public static class Script
{
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF') or '\u3005' or '\u3007';

    /// <summary>Letters, digits, '#' and '+' (C#, C++) outside the CJK ranges.</summary>
    public static bool IsWordChar(char c) =>
        !IsCjk(c) && (char.IsLetterOrDigit(c) || c is '#' or '+');

    /// <summary>Punctuation that ends a clause: a negation's reach, and no phrase runs across it.</summary>
    public static bool EndsClause(char c) =>
        c is ',' or ';' or ':' or '!' or '?' or '.' or '|' or '/' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\n'
            or '、' or '。' or '；' or '：' or '！' or '？' or '「' or '」' or '『' or '』' or '【' or '】' or '《' or '》'
            or '〈' or '〉' or '…' or '“' or '”' or '•' or '·' or '~' or '—' or '*';
}
