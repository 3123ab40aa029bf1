namespace JobMatch.TextAnalysis;

/// <summary>
/// Text → index terms, the same for what is indexed and what is asked (matching's lexical retrieval now, job search
/// later): <see cref="TextNormalizer.Clean"/>, lower case, Chinese runs segmented by jieba.NET in search mode (words and
/// the words inside them), English words stemmed (plurals and inflections folded, agent nouns onto their verbs),
/// single Chinese characters, English stop words, long numbers and codes dropped, and negated terms marked
/// (<see cref="AnalyzedTerm.Negated"/>). Thread-safe.
/// </summary>
public static class TextAnalyzer
{
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "are", "be", "was",
        "were", "we", "you", "our", "your", "us", "it", "its", "this", "that", "will", "can", "may", "must", "should", "etc", "per",
        "via", "all", "any", "some", "plus", "&", "i", "me", "my", "he", "she", "they", "their", "who", "what", "if", "so", "do",
    };

    /// <summary>Adds domain words (the taxonomy's Chinese labels and aliases) to the segmenter's one dictionary, once.</summary>
    public static void AddWords(IEnumerable<string> words) => ChineseSegmenter.AddWords(words);

    /// <summary>The terms of the text that count: negated ones left out, repeats kept (they are term frequency).</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        foreach (var term in Analyze(text))
        {
            if (!term.Negated) terms.Add(term.Term);
        }
        return terms;
    }

    /// <summary>
    /// The clean text with what a negation reaches blanked out (a clause break in its place): "不会开叉车，会电焊" →
    /// "不会开，，，会电焊". For matchers that read text their own way (the taxonomy's label extraction), so a skill the
    /// text denies is not found.
    /// </summary>
    public static string Affirmed(string? text)
    {
        var clean = TextNormalizer.Clean(text);
        var negated = Analyze(clean).Where(term => term.Negated).ToList();
        if (negated.Count == 0) return clean;
        var chars = clean.ToCharArray();
        foreach (var term in negated)
        {
            for (var i = term.Start; i < term.End && i < chars.Length; i++) chars[i] = '，';
        }
        return new string(chars);
    }

    /// <summary>Every term in text order, negated ones marked.</summary>
    public static List<AnalyzedTerm> Analyze(string? text)
    {
        var clean = TextNormalizer.Clean(text);
        if (clean.Length == 0) return [];
        var lower = clean.ToLowerInvariant();
        var tokens = Tokens(lower);
        var clauseStarts = new List<int> { 0 };
        foreach (var token in tokens)
        {
            if (token.Kind == Kind.Break || Negation.EndsClause(token.Word)) clauseStarts.Add(token.End);
        }

        var result = new List<AnalyzedTerm>(tokens.Count);
        var cues = new List<(int Start, int End, int Clause, Negation.Cue Cue)>();
        foreach (var token in tokens)
        {
            if (token.Kind == Kind.Break || Negation.EndsClause(token.Word)) continue;
            var clause = ClauseOf(clauseStarts, token.Start);
            var cue = Negation.CueOf(token.Word);
            if (cue != Negation.Cue.None)
            {
                cues.Add((token.Start, token.End, clause, cue));
                continue;
            }
            if (IndexTerm(token) is { } term) result.Add(new AnalyzedTerm(term, token.Start, token.End, false));
        }
        if (cues.Count > 0) MarkNegated(result, cues, clauseStarts);
        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return result;
    }

    private static void MarkNegated(List<AnalyzedTerm> terms, List<(int Start, int End, int Clause, Negation.Cue Cue)> cues, List<int> clauseStarts)
    {
        var clauses = terms.ConvertAll(term => ClauseOf(clauseStarts, term.Start));
        foreach (var (start, end, clause, cue) in cues)
        {
            var anythingBefore = Enumerable.Range(0, terms.Count).Any(i => clauses[i] == clause && terms[i].End <= start);
            var backward = cue == Negation.Cue.Backward || (cue == Negation.Cue.Either && anythingBefore);
            for (var i = 0; i < terms.Count; i++)
            {
                if (clauses[i] != clause) continue;
                if (backward ? terms[i].End <= start : terms[i].Start >= end) terms[i] = terms[i] with { Negated = true };
            }
        }
    }

    private static int ClauseOf(List<int> clauseStarts, int position)
    {
        var at = clauseStarts.BinarySearch(position);
        return at >= 0 ? at : ~at - 1;
    }

    private enum Kind { Chinese, Latin, Break }

    private readonly record struct Token(string Word, int Start, int End, Kind Kind);

    private static List<Token> Tokens(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (Script.IsCjk(c))
            {
                var j = i;
                while (j < s.Length && Script.IsCjk(s[j])) j++;
                foreach (var (word, start, end) in ChineseSegmenter.Words(s[i..j])) tokens.Add(new Token(word, i + start, i + end, Kind.Chinese));
                i = j;
            }
            else if (Script.IsWordChar(c))
            {
                var j = i + 1;
                while (j < s.Length && (Script.IsWordChar(s[j]) || (s[j] == '\'' && j + 1 < s.Length && char.IsAsciiLetter(s[j + 1])))) j++;
                tokens.Add(new Token(s[i..j], i, j, Kind.Latin));
                i = j;
            }
            else
            {
                // A space beside Chinese separates phrases the way a comma would ("不会开叉车 会电焊").
                var breaks = Script.EndsClause(c)
                    || (c == ' ' && ((i > 0 && Script.IsCjk(s[i - 1])) || (i + 1 < s.Length && Script.IsCjk(s[i + 1]))));
                if (breaks) tokens.Add(new Token(s[i..(i + 1)], i, i + 1, Kind.Break));
                i++;
            }
        }
        return tokens;
    }

    private static string? IndexTerm(Token token)
    {
        var word = token.Word;
        if (token.Kind == Kind.Chinese) return word.Length >= 2 ? word : null;
        word = word.Replace("'", "", StringComparison.Ordinal);
        if (word.Length == 0 || EnglishStopWords.Contains(word) || IsNumberOrCode(word)) return null;
        return EnglishStems.Stem(word);
    }

    /// <summary>Salaries, phone numbers, years and posting codes (J12930) say nothing about the work; A2, C1, 5G, 3D do.</summary>
    private static bool IsNumberOrCode(string word)
    {
        var digits = word.Count(char.IsAsciiDigit);
        return (digits == word.Length && digits >= 3) || digits >= 4;
    }
}
