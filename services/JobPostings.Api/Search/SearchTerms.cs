using System.Text;
using System.Text.RegularExpressions;
using JobMatch.Domain.Regions;
using JobMatch.TextAnalysis;
using Matching.Taxonomy;

namespace JobPostings.Api.Search;

/// <summary>What a typed query was read as: the text query (null: no words to match), a place typed in it, the concept and corrections used.</summary>
public sealed record SearchInterpretation(string? TextQuery, string? RegionCode, string? Concept, IReadOnlyList<string> Corrections, SearchWords? Words = null)
{
    public static readonly SearchInterpretation None = new(null, null, null, []);
}

/// <summary>
/// The words a query must match, built once and written out for each index that answers it (PostgreSQL's tsquery here,
/// the in-process index's Lucene query in <see cref="SearchIndex"/>), so both match the same postings: every clause must
/// match, a clause by any of its alternatives, an alternative by all of its terms; or else the occupation's concept term.
/// </summary>
public sealed record SearchWords(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Clauses, string? ConceptTerm)
{
    /// <summary>As tsquery input: 'a' &amp; ('b' | ('c' &amp; 'd')), or the concept alone, or both joined by |.</summary>
    public string ToTsQuery()
    {
        static string Alternative(IReadOnlyList<string> terms) => terms.Count == 1 ? Quote(terms[0]) : "(" + string.Join(" & ", terms.Select(Quote)) + ")";
        static string Clause(IReadOnlyList<IReadOnlyList<string>> alternatives) =>
            alternatives.Count == 1 ? Alternative(alternatives[0]) : "(" + string.Join(" | ", alternatives.Select(Alternative)) + ")";
        var words = Clauses.Count == 0 ? null : string.Join(" & ", Clauses.Select(Clause));
        return (words, ConceptTerm) switch
        {
            (null, { } concept) => Quote(concept),
            ({ } all, null) => all,
            (var all, var concept) => $"({all}) | {Quote(concept!)}",
        };
    }

    /// <summary>A lexeme quoted for tsvector and tsquery input (quotes and backslashes doubled or escaped).</summary>
    internal static string Quote(string lexeme) => "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>
/// Search's words, the same for what is indexed and what is asked: the one <see cref="TextAnalyzer"/> (jieba words,
/// English stems) with the taxonomy's Chinese labels in its dictionary, plus the taxonomy occupation a title names as one
/// more term ("#" and its id), so 叉车工, 叉车司机 and "forklift driver" meet on the concept whichever words they use.
/// A posting becomes a weighted tsvector (title A, skills B, description C; frequencies kept as positions); a query
/// becomes a tsquery (every word, or the concept), with a typed place taken out as a filter and misspelled English
/// words also tried as the nearest taxonomy word.
/// </summary>
public static partial class SearchTerms
{
    /// <summary>How much of a description is indexed: what an ad asks is near its start, and one long ad must not cost much.</summary>
    public const int DescriptionChars = 4000;
    private const int MaxPosition = 16383; // PostgreSQL's largest tsvector position

    /// <summary>
    /// Words that are in most ads and say nothing about the job (急招, 五险一金, "wanted"): dropped from queries so 急招叉车司机
    /// finds 叉车司机, still indexed.
    /// </summary>
    private static readonly HashSet<string> QueryNoise = new(StringComparer.Ordinal)
    {
        "招聘", "急招", "诚聘", "急聘", "高薪", "高薪诚聘", "热招", "直招", "五险一金", "五险", "一金", "包吃住", "包吃", "包住", "待遇从优", "工作", "岗位", "职位",
        "want", "wanted", "hire", "hiring", "job", "jobs", "vacanc", "vacancy", "urgent", "urgently", "full", "time", "work", "position",
    };

    private static readonly Lazy<SkillTaxonomy> Taxonomy = new(() =>
    {
        var taxonomy = SkillTaxonomy.Shared;
        TextAnalyzer.AddWords(taxonomy.ChineseWords());
        return taxonomy;
    });

    private static readonly Lazy<SpellingCorrector> Spelling = new(() => new SpellingCorrector(
        Taxonomy.Value.Occupations.SelectMany(concept => new[] { concept.Label }.Concat(Taxonomy.Value.Synonyms(concept.Id)))
            .SelectMany(label => label.Split([' ', '-', '/', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))));

    /// <summary>Loads the taxonomy and the segmenter's dictionary now rather than on the first search.</summary>
    public static void Warm() => _ = Spelling.Value.Knows("warm");

    /// <summary>A posting's search_terms, as tsvector input.</summary>
    public static string Document(string? title, string? description, IEnumerable<string> skills)
    {
        var taxonomy = Taxonomy.Value;
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var next = 1;
        void Add(string term, char weight)
        {
            if (next > MaxPosition) return;
            if (!positions.TryGetValue(term, out var list)) positions[term] = list = [];
            list.Add($"{next++}{weight}");
        }
        if (taxonomy.OccupationOfTitle(title) is { } occupation) Add(ConceptTerm(occupation.Id), 'A');
        foreach (var term in TextAnalyzer.Terms(title).Concat(Codes(title))) Add(term, 'A');
        foreach (var term in skills.SelectMany(skill => TextAnalyzer.Terms(skill).Concat(Codes(skill)))) Add(term, 'B');
        var text = description ?? "";
        text = text.Length > DescriptionChars ? text[..DescriptionChars] : text;
        foreach (var term in TextAnalyzer.Terms(text).Concat(Codes(text))) Add(term, 'C');
        return string.Join(' ', positions.Select(pair => $"{Quote(pair.Key)}:{string.Join(',', pair.Value)}"));
    }

    /// <summary>
    /// Reads a typed query: a place name in it becomes <see cref="SearchInterpretation.RegionCode"/> (when it names exactly
    /// one division) and leaves the words; noise words go; each remaining word must match, a Chinese word either whole or
    /// as the words inside it (叉车司机 or 叉车 and 司机), an English one as itself or the word it misspells; or the
    /// occupation the query names matches instead.
    /// </summary>
    public static SearchInterpretation Interpret(string? typed)
    {
        var clean = TextNormalizer.Clean(typed);
        if (clean.Length == 0) return SearchInterpretation.None;
        var taxonomy = Taxonomy.Value;
        var terms = TextAnalyzer.Analyze(clean).Where(term => !term.Negated).ToList();
        string? region = null;
        foreach (var term in terms.Where(term => !IsInside(term, terms)))
        {
            var places = InnerMongoliaRegions.Resolve(clean[term.Start..term.End]);
            if (places.Count != 1) continue;
            region ??= places[0].Code;
            terms.RemoveAll(other => other.Start >= term.Start && other.End <= term.End);
            break;
        }
        terms.RemoveAll(term => QueryNoise.Contains(term.Term));
        var corrections = new List<string>();
        var clauses = new List<IReadOnlyList<IReadOnlyList<string>>>();
        foreach (var word in terms.Where(term => !IsInside(term, terms)).DistinctBy(term => term.Term))
        {
            var inside = terms.Where(other => other != word && other.Start >= word.Start && other.End <= word.End).Select(other => other.Term).Distinct().ToList();
            var alternatives = new List<IReadOnlyList<string>> { new[] { word.Term } };
            if (inside.Count > 1) alternatives.Add(inside);
            if (Spelling.Value.Correct(word.Term) is { } corrected)
            {
                var stem = TextAnalyzer.Terms(corrected).FirstOrDefault() ?? corrected;
                alternatives.Add(new[] { stem });
                corrections.Add(corrected);
            }
            clauses.Add(alternatives);
        }
        var rest = Respell(clean, terms);
        var concept = rest.Length == 0 ? null : taxonomy.Find(rest, ConceptKind.Occupation) ?? taxonomy.OccupationOfTitle(rest);
        clauses.AddRange(Codes(clean).Distinct(StringComparer.Ordinal).Select(code => new IReadOnlyList<string>[] { new[] { code } }));
        var words = clauses.Count == 0 && concept is null ? null : new SearchWords(clauses, concept is null ? null : ConceptTerm(concept.Id));
        var query = words?.ToTsQuery();
        return new SearchInterpretation(query, region, concept?.Label, corrections, words);
    }

    /// <summary>The query's job words as typed (place and noise left out), misspellings replaced, for naming an occupation.</summary>
    private static string Respell(string clean, List<AnalyzedTerm> kept)
    {
        var words = kept.Where(term => !IsInside(term, kept)).OrderBy(term => term.Start).Select(term => clean[term.Start..term.End].ToLowerInvariant()).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (Spelling.Value.Correct(words[i]) is { } corrected) words[i] = corrected;
        }
        var joined = new StringBuilder();
        foreach (var word in words)
        {
            if (joined.Length > 0 && (char.IsAsciiLetter(word[0]) || char.IsAsciiLetter(joined[^1]))) joined.Append(' ');
            joined.Append(word);
        }
        return joined.ToString();
    }

    /// <summary>
    /// Codes with letters and at least four digits (J12930, an ad's reference), which the analyzer leaves out as saying
    /// nothing about the work: a seeker searching for one means that posting. Pure numbers (pay, years) stay out.
    /// </summary>
    private static IEnumerable<string> Codes(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        foreach (Match match in CodePattern().Matches(TextNormalizer.Clean(text).ToLowerInvariant()))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            if (digits >= 4 && digits < match.Value.Length) yield return match.Value;
        }
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex CodePattern();

    private static bool IsInside(AnalyzedTerm term, List<AnalyzedTerm> terms) =>
        terms.Any(other => other.Start <= term.Start && other.End >= term.End && other.End - other.Start > term.End - term.Start);

    private static string ConceptTerm(int id) => "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Quote(string lexeme) => SearchWords.Quote(lexeme);
}
