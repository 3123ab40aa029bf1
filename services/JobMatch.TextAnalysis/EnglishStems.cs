using Lucene.Net.Tartarus.Snowball.Ext;

namespace JobMatch.TextAnalysis;

/// <summary>
/// English words to index terms: Snowball's English (Porter2) stemmer folds plurals and inflections (drivers → driver,
/// needed → need, welding → weld), then an agent noun folds onto its verb the way Porter2 stems the verb's -ing form
/// (welder → weld, driver → drive, teacher → teach, cleaner → clean), so a title and a skill written about the same
/// work share a term. Words whose -er is no agent suffix (tower, power, officer …) are left alone.
/// </summary>
internal static class EnglishStems
{
    [ThreadStatic] private static EnglishStemmer? _stemmer;

    private static readonly HashSet<string> NotAgentNouns = new(StringComparer.Ordinal)
    {
        "tower", "power", "water", "paper", "after", "over", "under", "other", "order", "number", "member", "never", "ever",
        "center", "centre", "corner", "summer", "winter", "letter", "matter", "manner", "officer", "career", "cover", "offer",
        "answer", "finger", "master", "customer", "container", "character", "register", "computer", "daughter", "mother",
        "father", "brother", "sister", "partner", "quarter", "shelter", "border", "filter", "chapter", "render", "tender",
        "gender", "leather", "weather", "rubber", "timber", "copper", "silver", "butter", "sugar", "liter", "meter", "litre",
        "metre", "fiber", "fibre", "folder", "poster", "banner", "dinner", "super", "enter", "later", "rather", "whether",
        "either", "neither", "together", "however", "consider", "remember", "deliver", "discover", "recover", "transfer",
        "prefer", "refer", "differ", "suffer", "gather", "wonder", "monster", "lobster", "oyster", "cancer", "soccer", "hamper",
    };

    public static string Stem(string word)
    {
        if (word.Length < 3 || !word.All(char.IsAsciiLetterLower)) return word;
        var stem = Porter2(word);
        if (stem.Length >= 5 && stem.EndsWith("er", StringComparison.Ordinal) && !stem.EndsWith("ier", StringComparison.Ordinal)
            && !NotAgentNouns.Contains(stem))
        {
            return Porter2(string.Concat(stem.AsSpan(0, stem.Length - 2), "ing"));
        }
        return stem;
    }

    private static string Porter2(string word)
    {
        var snowball = _stemmer ??= new EnglishStemmer();
        snowball.SetCurrent(word);
        snowball.Stem();
        return snowball.Current;
    }
}
