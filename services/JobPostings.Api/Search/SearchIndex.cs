using System.Text.RegularExpressions;
using JobMatch.Domain.Regions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JobPostings.Api.Search;

/// <summary>One row of the change feed: a posting as search needs it; not Live (a draft, closed, expired by the sweep or a duplicate) leaves the index.</summary>
public sealed record IndexedPosting
{
    public Guid Id { get; init; }
    public bool Live { get; init; }
    public string Terms { get; init; } = "";
    public string EmploymentType { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public string? OccupationCode { get; init; }
    /// <summary>The 细类 of 职业分类大典 (migration 011), null when none was given or found.</summary>
    public string? NationalOccupationCode { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public string? Education { get; init; }
    public int? ExperienceYears { get; init; }
    public string[] KeyGroups { get; init; } = [];
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public DateTime? PublishedAt { get; init; }
    public DateTime? ValidUntil { get; init; }
    /// <summary>The transaction that wrote this version (migration 016).</summary>
    public long WrittenBy { get; init; }
}

/// <summary>What the index answers: the page's postings in order (with the distance when a point was given), the cursor on, the total and the facets.</summary>
public sealed record IndexPage(IReadOnlyList<(Guid Id, double? DistanceKm)> Hits, string? Next, SearchFacets Facets, long Total);

/// <summary>
/// The live postings in an in-process Lucene.Net index (RAM, rebuilt from PostgreSQL at every start; decision 064), fed
/// the terms PostgreSQL holds (<see cref="SearchTerms.Document"/>'s search_terms: title, skills and description as
/// three fields), so it matches exactly what a saved search's tsquery matches; scored by BM25 with the title weighing
/// most. Every filter is a Lucene query built from values, never parsed from text; the total, the facets (from doc
/// values) and the page (a keyset over the order's key) are one pass of <see cref="PageCollector"/>. Thread-safe.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    /// <summary>How much more a word counts in the title (and the occupation it names) and in the skills than in the description.</summary>
    private const float TitleBoost = 3f, SkillsBoost = 2f;
    /// <summary>earthdistance's earth radius, so distances here are the ones PostgreSQL's earth_distance gives.</summary>
    private const double EarthRadiusMetres = 6378168;

    /// <summary>The index size from which a search is split into slices, and how many (the machine's cores, at most four); read per search.</summary>
    public int SlicedFrom { get; set; } = 50_000;
    public int Slices { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    public SearchIndex()
    {
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, new KeywordAnalyzer()) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 64 });
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25Searchers());
    }

    /// <summary>Postings in the index now.</summary>
    public int Count
    {
        get
        {
            var searcher = searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { searchers.Release(searcher); }
        }
    }

    public long SizeInBytes => directory.GetSizeInBytes();

    /// <summary>The documents of each segment (deleted ones included), as searches see them now.</summary>
    public IReadOnlyList<int> SegmentSizes
    {
        get
        {
            var searcher = searchers.Acquire();
            try { return [.. searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader.MaxDoc)]; }
            finally { searchers.Release(searcher); }
        }
    }

    /// <summary>Adds, replaces or removes each posting, then makes the changes visible to searches.</summary>
    public void Apply(IEnumerable<IndexedPosting> postings)
    {
        foreach (var posting in postings)
        {
            var id = new Term("id", posting.Id.ToString());
            if (posting.Live) writer.UpdateDocument(id, Document(posting));
            else writer.DeleteDocuments(id);
        }
        searchers.MaybeRefreshBlocking();
    }

    private static Document Document(IndexedPosting posting)
    {
        var (title, skills, description) = Fields(posting.Terms);
        var document = new Document
        {
            new StringField("id", posting.Id.ToString(), Field.Store.YES),
            new NumericDocValuesField("idKey", IdKey(posting.Id)),
            new TextField("title", new TermList(title)),
            new TextField("skills", new TermList(skills)),
            new TextField("description", new TermList(description)),
            new NumericDocValuesField("validUntilDv", posting.ValidUntil?.ToUniversalTime().Ticks ?? long.MaxValue),
            new NumericDocValuesField("publishedDv", posting.PublishedAt?.ToUniversalTime().Ticks ?? 0),
            new StringField("region", posting.RegionCode, Field.Store.NO),
            new StringField("employmentType", posting.EmploymentType, Field.Store.NO),
            new StringField("education", posting.Education ?? "None", Field.Store.NO),
            new NumericDocValuesField("experienceDv", posting.ExperienceYears ?? 0),
            new NumericDocValuesField("salaryMaxCents", posting.SalaryMax is { } max ? (long)(max * 100) : -100),
            new NumericDocValuesField("latDv", BitConverter.DoubleToInt64Bits(posting.Latitude ?? double.NaN)),
            new NumericDocValuesField("lngDv", BitConverter.DoubleToInt64Bits(posting.Longitude ?? double.NaN)),
        };
        if (posting.OccupationCode is { } occupation) document.Add(new StringField("occupation", occupation, Field.Store.NO));
        if (posting.NationalOccupationCode is { } national) document.Add(new StringField("nationalOccupation", national, Field.Store.NO));
        var top = posting.SalaryMax ?? posting.SalaryMin;
        var bottom = posting.SalaryMin ?? posting.SalaryMax;
        document.Add(new NumericDocValuesField("payTopDv", BitConverter.DoubleToInt64Bits(top is null ? double.NaN : (double)top.Value)));
        document.Add(new NumericDocValuesField("payBottomDv", BitConverter.DoubleToInt64Bits(bottom is null ? double.NaN : (double)bottom.Value)));
        if (posting.Latitude is { } lat && posting.Longitude is { } lng)
        {
            document.Add(new DoubleField("lat", lat, Field.Store.NO));
            document.Add(new DoubleField("lng", lng, Field.Store.NO));
        }
        foreach (var group in posting.KeyGroups.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField("keyGroup", group, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(PageCollector.KeyGroupFacet, new BytesRef(group)));
        }
        string[] facets = [posting.EmploymentType, posting.RegionCode[..Math.Min(4, posting.RegionCode.Length)] + "00", posting.RegionCode,
            SearchStore.SalaryBandOf(top), posting.Education ?? "None", SearchStore.NationalMajorGroupOf(posting.NationalOccupationCode)];
        for (var i = 0; i < PageCollector.FacetFields.Length; i++) document.Add(new SortedDocValuesField(PageCollector.FacetFields[i], new BytesRef(facets[i])));
        return document;
    }

    /// <summary>The terms of a search_terms tsvector by weight: A (the title and its occupation), B (skills), C (description), each as often as it occurs.</summary>
    internal static (List<string> Title, List<string> Skills, List<string> Description) Fields(string vector)
    {
        List<string> title = [], skills = [], description = [];
        foreach (Match match in Lexeme().Matches(vector))
        {
            var term = Unescape().Replace(match.Groups[1].Value, found => found.Value[1..]);
            foreach (var position in match.Groups[2].Value.Split(','))
            {
                (position[^1] switch { 'A' => title, 'B' => skills, _ => description }).Add(term);
            }
        }
        return (title, skills, description);
    }

    [GeneratedRegex(@"'((?:[^'\\]|''|\\.)*)':([0-9A-D,]+)")]
    private static partial Regex Lexeme();

    [GeneratedRegex(@"''|\\.")]
    private static partial Regex Unescape();

    internal static long IdKey(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 8);

    /// <summary>
    /// One search: the query the filters and words make, one pass counting and keeping the page — split into doc ranges
    /// searched side by side on an index of <see cref="SlicedFrom"/> postings or more (<see cref="SearchSlices"/>).
    /// </summary>
    public IndexPage Search(SearchQuery query, SearchInterpretation reading)
    {
        PageCollector NewCollector() => new(query, OrderKey.Of(query), query.Offset + query.EffectiveLimit + 1, reading.Words is null ? null : RegionPrefix(query, reading));
        var searcher = searchers.Acquire();
        try
        {
            var collector = SearchSlices.Run(searcher, Query(query, reading), NewCollector, searcher.IndexReader.MaxDoc >= SlicedFrom ? Slices : 1);
            var page = collector.Page().Skip(query.Offset).ToList();
            var shown = page.Take(query.EffectiveLimit).ToList();
            var hits = shown.Select(hit => (Guid.Parse(searcher.Doc(hit.Doc).Get("id")), hit.DistanceMetres is { } metres ? Math.Round(metres / 1000, 2) : (double?)null)).ToList();
            var next = page.Count > query.EffectiveLimit ? new SearchCursor(query.EffectiveSort, OrderKey.Of(query).Encode(shown[^1].Key), hits[^1].Item1).Encode() : null;
            return new IndexPage(hits, next, collector.Facets(), collector.Total);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The words (scored) and every filter (scoring nothing) as one Lucene query: the same conditions as <see cref="SearchStore.Filter"/>.</summary>
    private static Query Query(SearchQuery query, SearchInterpretation reading)
    {
        var all = new BooleanQuery { { reading.Words is { } words ? Words(words) : new MatchAllDocsQuery(), Occur.MUST } };
        void Require(Query filter) => all.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);

        // Validity (past its date, not yet swept) is checked per posting by the collector, from doc values: a range query
        // over every posting's own timestamp would enumerate hundreds of thousands of terms per search; so are pay,
        // experience and the publication date below.
        if (query is { Lat: { } lat, Lng: { } lng })
        {
            if (query.RadiusKm is { } radius) Require(Box(lat, lng, radius * 1000));
            else if (query.EffectiveSort == SearchSort.Distance) Require(NumericRangeQuery.NewDoubleRange("lat", -90, 90, true, true));
        }
        else if (reading.Words is null && RegionPrefix(query, reading) is { } prefix)
        {
            // Browsing a place: the place's postings are what is visited. With words, the words' postings are visited
            // and the collector checks the place from the arrays, cheaper than this filter's bitset over the region.
            Require(new PrefixQuery(new Term("region", prefix)));
        }
        if (!string.IsNullOrWhiteSpace(query.Occupation)) Require(new PrefixQuery(new Term("occupation", query.Occupation.Trim())));
        if (query.NationalOccupationPrefix is { } national) Require(new PrefixQuery(new Term("nationalOccupation", national)));
        // Education and two or more employment types are checked by the collector (PageCollector.CheckedHere).
        if (query.EmploymentTypes is { Count: 1 } types) Require(new TermQuery(new Term("employmentType", types[0].ToString())));
        foreach (var group in query.KeyGroups) Require(new TermQuery(new Term("keyGroup", group.ToString())));
        // Pay, experience and publication date are compared per posting by the collector (PostingFilter), from doc values.
        return all;
    }

    /// <summary>The division code prefix a search keeps (a given region, or a place typed in the words), unless a point is given.</summary>
    internal static string? RegionPrefix(SearchQuery query, SearchInterpretation reading) =>
        query.Lat is null || query.Lng is null ? (query.Region ?? reading.RegionCode) is { } region && RegionCodes.Prefix(region) is { Length: > 0 } prefix ? prefix : null : null;

    /// <summary>The latitude/longitude box around a circle (the exact distance is checked per posting by the collector).</summary>
    private static BooleanQuery Box(double lat, double lng, double metres)
    {
        var dLat = metres / EarthRadiusMetres * 180 / Math.PI;
        var dLng = dLat / Math.Max(Math.Cos(lat * Math.PI / 180), 1e-6);
        return new BooleanQuery
        {
            { NumericRangeQuery.NewDoubleRange("lat", lat - dLat, lat + dLat, true, true), Occur.MUST },
            { NumericRangeQuery.NewDoubleRange("lng", lng - dLng, lng + dLng, true, true), Occur.MUST },
        };
    }

    /// <summary><see cref="SearchWords"/> as a Lucene query: each term in the title (boosted), the skills or the description.</summary>
    private static Query Words(SearchWords words)
    {
        static Query Term(string term) => new BooleanQuery
        {
            { new TermQuery(new Term("title", term)) { Boost = TitleBoost }, Occur.SHOULD },
            { new TermQuery(new Term("skills", term)) { Boost = SkillsBoost }, Occur.SHOULD },
            { new TermQuery(new Term("description", term)), Occur.SHOULD },
        };
        static Query All(IEnumerable<Query> parts, Occur occur)
        {
            var list = parts.ToList();
            if (list.Count == 1) return list[0];
            var query = new BooleanQuery();
            foreach (var part in list) query.Add(part, occur);
            return query;
        }
        var clauses = words.Clauses.Select(clause => All(clause.Select(alternative => All(alternative.Select(Term), Occur.MUST)), Occur.SHOULD)).ToList();
        var concept = words.ConceptTerm is { } term ? new TermQuery(new Term("title", term)) { Boost = TitleBoost } : null;
        return (clauses.Count, concept) switch
        {
            (0, { } only) => only,
            (_, null) => All(clauses, Occur.MUST),
            (_, { } named) => new BooleanQuery { { All(clauses, Occur.MUST), Occur.SHOULD }, { named, Occur.SHOULD } },
        };
    }

    /// <summary>How great-circle distance is measured (the sphere earthdistance uses).</summary>
    internal static double DistanceMetres(double lat1, double lng1, double lat2, double lng2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lng2 - lng1) / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Terms already analysed (by <see cref="SearchTerms"/>) as the tokens of a field.</summary>
    private sealed class TermList : TokenStream
    {
        private readonly List<string> terms;
        private readonly ICharTermAttribute term;
        private int next;

        public TermList(List<string> terms)
        {
            this.terms = terms;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= terms.Count) return false;
            ClearAttributes();
            term.SetEmpty().Append(terms[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
