using System.Collections.Frozen;

namespace JobPostings.Api.Screening;

/// <summary>
/// Traditional (and Taiwan and Hong Kong variant) forms of the characters the rules use, folded to the simplified
/// form the rules are written in: 保證金 → 保证金, 戶口 → 户口, 微信號 → 微信号. Only the rule vocabulary: a posting is
/// not converted, it is read the way the rules read. The map (traditional.tsv) is generated from OpenCC's character
/// tables by make_traditional_map.py; a rule with a new character needs the script run again (a test says so).
/// </summary>
public static class TraditionalCharacters
{
    private static readonly (FrozenDictionary<char, char> Map, string Vocabulary) Table = Load();

    public static char ToSimplified(char c) => Table.Map.TryGetValue(c, out var simplified) ? simplified : c;

    /// <summary>The simplified characters the map was generated for: every Chinese character of the rules.</summary>
    public static string Vocabulary => Table.Vocabulary;

    private static (FrozenDictionary<char, char>, string) Load()
    {
        using var stream = typeof(TraditionalCharacters).Assembly.GetManifestResourceStream("JobPostings.Api.Screening.traditional.tsv")
            ?? throw new InvalidOperationException("The embedded traditional.tsv is missing.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>();
        var vocabulary = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# vocabulary: ", StringComparison.Ordinal)) vocabulary = line["# vocabulary: ".Length..];
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            map[fields[0][0]] = fields[1][0];
        }
        return (map.ToFrozenDictionary(), vocabulary);
    }
}
