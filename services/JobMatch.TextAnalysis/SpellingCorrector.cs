namespace JobMatch.TextAnalysis;

/// <summary>
/// Misspelled English words onto known ones ("forklfit" → forklift, "acountant" → accountant): the known word nearest by
/// optimal-string-alignment distance (an insertion, deletion, substitution or swap of neighbours each count one), at most
/// one edit for words of up to seven letters and two for longer ones; on a tie the shorter word, then the one listed first. Words
/// known, shorter than four letters or not all ASCII letters are left alone. Thread-safe once built.
/// </summary>
public sealed class SpellingCorrector
{
    private const int MinLength = 4;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> byLength = [];

    /// <summary>The known words, commonest first (their order breaks ties).</summary>
    public SpellingCorrector(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (lower.Length < MinLength || !lower.All(char.IsAsciiLetterLower) || !known.Add(lower)) continue;
            if (!byLength.TryGetValue(lower.Length, out var list)) byLength[lower.Length] = list = [];
            list.Add(lower);
        }
    }

    public bool Knows(string word) => known.Contains(word);

    /// <summary>The known word the typed one misspells; null when it is known, too short, not an English word, or nothing is near.</summary>
    public string? Correct(string word)
    {
        if (word.Length < MinLength || !word.All(char.IsAsciiLetterLower) || known.Contains(word)) return null;
        var allowed = word.Length <= 7 ? 1 : 2;
        string? best = null;
        var bestDistance = allowed + 1;
        for (var length = word.Length - allowed; length <= word.Length + allowed; length++)
        {
            if (!byLength.TryGetValue(length, out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                var distance = Distance(word, candidate, bestDistance);
                if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance, giving up (returning <paramref name="limit"/>) once every path exceeds it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }
            if (rowBest >= limit) return limit;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
