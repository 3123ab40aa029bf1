using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Npgsql;

namespace JobPostings.Benchmarks.Spike;

/// <summary>
/// SPIKE for docs/decisions/064, not the service's code: the same postings in an in-process Lucene.Net index (the
/// same terms, read from search_terms), queried for the words, the place and the facets, then the page's rows read
/// from PostgreSQL as the endpoint does, so its times compare with SearchStore's. Covers the text, region and browse
/// shapes; no radius, salary order, cursors or change feed.
/// </summary>
public sealed partial class LuceneSearchSpike : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] FacetFields = ["employmentType", "league", "banner", "salaryBand", "education"];
    private readonly RAMDirectory directory = new();
    private readonly NpgsqlDataSource dataSource;
    private DirectoryReader? reader;
    private IndexSearcher? searcher;

    private LuceneSearchSpike(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    public long SizeInBytes => directory.GetSizeInBytes();

    /// <summary>Indexes every live posting; returns the spike and how long the read and the indexing took.</summary>
    public static async Task<(LuceneSearchSpike Spike, TimeSpan Took)> BuildAsync(NpgsqlDataSource dataSource)
    {
        var spike = new LuceneSearchSpike(dataSource);
        var watch = Stopwatch.StartNew();
        using var writer = new IndexWriter(spike.directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { RAMBufferSizeMB = 256 });
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, search_terms::text, employment_type, region_code, COALESCE(salary_max, salary_min), COALESCE(education, 'None'), published_at, valid_until " +
            "FROM postings WHERE status = 'Published' AND duplicate_of IS NULL", connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            var document = new Document
            {
                new StringField("id", rows.GetGuid(0).ToString(), Field.Store.YES),
                new TextField("terms", string.Join(' ', Lexemes(rows.GetString(1))), Field.Store.NO),
                new NumericDocValuesField("published", rows.GetDateTime(6).Ticks),
                new Int64Field("validUntil", rows.IsDBNull(7) ? long.MaxValue : rows.GetDateTime(7).Ticks, Field.Store.NO),
                new StringField("leagueTerm", rows.GetString(3)[..4], Field.Store.NO),
            };
            var salary = rows.IsDBNull(4) ? (decimal?)null : rows.GetDecimal(4);
            var values = new[]
            {
                rows.GetString(2), rows.GetString(3)[..4] + "00", rows.GetString(3),
                salary is null ? "unstated" : SearchStore.SalaryBands.Last(band => band.From <= salary).Name, rows.GetString(5),
            };
            for (var i = 0; i < FacetFields.Length; i++) document.Add(new SortedDocValuesField(FacetFields[i], new BytesRef(values[i])));
            writer.AddDocument(document);
        }
        writer.ForceMerge(1);
        writer.Commit();
        spike.reader = DirectoryReader.Open(spike.directory);
        spike.searcher = new IndexSearcher(spike.reader);
        return (spike, watch.Elapsed);
    }

    /// <summary>A posting's terms, each as often as it occurs (positions), title terms three times over (weight A).</summary>
    private static IEnumerable<string> Lexemes(string vector)
    {
        foreach (Match match in Lexeme().Matches(vector))
        {
            var term = match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
            foreach (var position in match.Groups[2].Value.Split(','))
            {
                var repeat = position.EndsWith('A') ? 3 : position.EndsWith('B') ? 2 : 1;
                for (var i = 0; i < repeat; i++) yield return term;
            }
        }
    }

    [GeneratedRegex(@"'((?:[^']|'')*)':([0-9A-D,]+)")]
    private static partial Regex Lexeme();

    /// <summary>One search: words (BM25 over the terms), an optional league, live only; the page, the total and the facets.</summary>
    public async Task<(int Total, int Page)> SearchAsync(string? typed, string? league, bool newest)
    {
        var reading = SearchTerms.Interpret(typed);
        var query = new BooleanQuery();
        query.Add(reading.TextQuery is { } text ? Parse(text) : new MatchAllDocsQuery(), Occur.MUST);
        var place = league ?? reading.RegionCode?[..4];
        if (place is not null) query.Add(new ConstantScoreQuery(new TermQuery(new Term("leagueTerm", place))) { Boost = 0 }, Occur.MUST);
        var live = NumericRangeFilter.NewInt64Range("validUntil", DateTime.UtcNow.Ticks, long.MaxValue, false, true);
        var byDate = newest || reading.TextQuery is null
            ? TopFieldCollector.Create(new Sort(new SortField("published", SortFieldType.INT64, true)), 21, false, false, false, false)
            : null;
        var byScore = byDate is null ? TopScoreDocCollector.Create(21, true) : null;
        var facets = new FacetCollector();
        searcher!.Search(query, live, MultiCollector.Wrap((ICollector?)byDate ?? byScore, facets));
        facets.Finish();
        var docs = byDate?.GetTopDocs() ?? byScore!.GetTopDocs();
        var ids = docs.ScoreDocs.Take(20).Select(hit => Guid.Parse(searcher.Doc(hit.Doc).Get("id"))).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        var postings = (await connection.QueryAsync<Posting>($"SELECT {PostingStore.Columns} FROM postings WHERE id = ANY(@ids)", new { ids })).AsList();
        return (facets.Total, postings.Count);
    }

    /// <summary>The tsquery text SearchTerms writes ('a' &amp; ('b' | 'c')) as a Lucene query.</summary>
    private static Query Parse(string text)
    {
        var position = 0;
        return Or(text, ref position);
    }

    private static Query Or(string text, ref int position)
    {
        var parts = new List<Query> { And(text, ref position) };
        while (Skip(text, ref position) == '|')
        {
            position++;
            parts.Add(And(text, ref position));
        }
        if (parts.Count == 1) return parts[0];
        var or = new BooleanQuery();
        foreach (var part in parts) or.Add(part, Occur.SHOULD);
        return or;
    }

    private static Query And(string text, ref int position)
    {
        var parts = new List<Query> { Atom(text, ref position) };
        while (Skip(text, ref position) == '&')
        {
            position++;
            parts.Add(Atom(text, ref position));
        }
        if (parts.Count == 1) return parts[0];
        var and = new BooleanQuery();
        foreach (var part in parts) and.Add(part, Occur.MUST);
        return and;
    }

    private static Query Atom(string text, ref int position)
    {
        if (Skip(text, ref position) == '(')
        {
            position++;
            var inner = Or(text, ref position);
            Skip(text, ref position);
            position++; // ')'
            return inner;
        }
        var start = ++position; // after the opening quote
        while (!(text[position] == '\'' && (position + 1 >= text.Length || text[position + 1] != '\''))) position += text[position] == '\'' ? 2 : 1;
        var term = text[start..position].Replace("''", "'", StringComparison.Ordinal);
        position++;
        return new TermQuery(new Term("terms", term));
    }

    private static char Skip(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ') position++;
        return position < text.Length ? text[position] : '\0';
    }

    /// <summary>Counts every match by each facet's value (ordinals per segment) and the total.</summary>
    private sealed class FacetCollector : ICollector
    {
        private readonly Dictionary<string, int>[] counts = FacetFields.Select(_ => new Dictionary<string, int>()).ToArray();
        private SortedDocValues[] values = [];
        private int[][] ordinalCounts = [];
        public int Total { get; private set; }
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            values = FacetFields.Select(field => context.AtomicReader.GetSortedDocValues(field)).ToArray();
            ordinalCounts = values.Select(field => new int[field.ValueCount]).ToArray();
        }

        public void Collect(int doc)
        {
            Total++;
            for (var i = 0; i < values.Length; i++) ordinalCounts[i][values[i].GetOrd(doc)]++;
        }

        public void Finish() => Flush();

        private void Flush()
        {
            for (var i = 0; i < values.Length; i++)
            {
                for (var ordinal = 0; ordinal < ordinalCounts[i].Length; ordinal++)
                {
                    if (ordinalCounts[i][ordinal] == 0) continue;
                    var value = new BytesRef();
                    values[i].LookupOrd(ordinal, value);
                    counts[i][value.Utf8ToString()] = counts[i].GetValueOrDefault(value.Utf8ToString()) + ordinalCounts[i][ordinal];
                }
                ordinalCounts[i] = [];
            }
        }
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory.Dispose();
    }
}
