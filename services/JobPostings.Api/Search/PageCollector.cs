using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JobPostings.Api.Search;

/// <summary>
/// A sort as one whole number per posting, larger first, with the posting's id key breaking ties, so a cursor compares
/// exactly what was ordered on: relevance is the BM25 score to three places, then nearness to the point or recency
/// (as <see cref="SearchStore"/>'s relevance key); newest the publication time; salary the top of the range; distance
/// the distance in decimetres, nearer first.
/// </summary>
internal sealed record OrderKey(SearchSort Sort, bool Near)
{
    public static OrderKey Of(SearchQuery query) => new(query.EffectiveSort, query.Lat is not null && query.Lng is not null);

    public long Compute(float score, long publishedTicks, long salaryCents, double? distanceMetres) => Sort switch
    {
        SearchSort.Relevance => (long)Math.Round(score * 1000d) * 1_000_000_000_000L + (Near
            ? distanceMetres is { } metres ? 1_000_000_000L - (long)Math.Min(Math.Round(metres), 999_999_999) : 0
            : (publishedTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond),
        SearchSort.Salary => salaryCents,
        SearchSort.Distance => -(long)Math.Round((distanceMetres ?? 0) * 10),
        _ => publishedTicks,
    };

    public string Encode(long key) => Sort switch
    {
        SearchSort.Newest => new DateTime(key, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        SearchSort.Salary => (key / 100m).ToString(CultureInfo.InvariantCulture),
        SearchSort.Distance => (-key / 10m).ToString(CultureInfo.InvariantCulture),
        _ => key.ToString(CultureInfo.InvariantCulture),
    };

    public long Decode(SearchCursor cursor) => Sort switch
    {
        SearchSort.Newest => cursor.Time.Ticks,
        SearchSort.Salary => (long)(cursor.Number * 100),
        SearchSort.Distance => -(long)(cursor.Number * 10),
        _ => (long)cursor.Number,
    };
}

/// <summary>
/// One pass over the postings a search matches: drops those past their validity and those outside the radius (the query
/// only had the box), counts
/// every match (the total) and its facet values by ordinal per segment, and keeps the best Offset + Limit + 1 after the
/// cursor by <see cref="OrderKey"/> in a bounded heap.
/// </summary>
internal sealed class PageCollector : ICollector
{
    public const string KeyGroupFacet = "facet.keyGroup";
    public static readonly string[] FacetFields = ["facet.employmentType", "facet.league", "facet.banner", "facet.salaryBand", "facet.education"];

    public sealed record Hit(int Doc, long Key, long IdKey, double? DistanceMetres);

    private readonly OrderKey order;
    private readonly bool near, scoring;
    private readonly double lat, lng, radiusMetres;
    private readonly int keep;
    private readonly (long Key, long IdKey)? after;
    private readonly PriorityQueue<Hit, (long, long)> best = new();
    private readonly Dictionary<string, long>[] counts = FacetFields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, long> keyGroupCounts = new(StringComparer.Ordinal);
    private SortedDocValues?[] facetValues = [];
    private long[][] ordinalCounts = [];
    private SortedSetDocValues? keyGroups;
    private long[] keyGroupOrdinalCounts = [];
    private readonly long now = DateTime.UtcNow.Ticks;
    private NumericDocValues? validUntil, published, salary, latitude, longitude, idKeys;
    private Scorer? scorer;
    private (long, long) worst;
    private int docBase;

    public PageCollector(SearchQuery query, OrderKey order, int keep)
    {
        this.order = order;
        (near, lat, lng) = query is { Lat: { } pointLat, Lng: { } pointLng } ? (true, pointLat, pointLng) : (false, 0, 0);
        radiusMetres = query.RadiusKm is { } radius ? radius * 1000 : double.PositiveInfinity;
        scoring = order.Sort == SearchSort.Relevance;
        this.keep = keep;
        if (query.After is { } text && SearchCursor.TryParse(text, order.Sort, out var cursor)) after = (order.Decode(cursor!), SearchIndex.IdKey(cursor!.Id));
    }

    public long Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        facetValues = FacetFields.Select(reader.GetSortedDocValues).ToArray();
        ordinalCounts = facetValues.Select(values => new long[values?.ValueCount ?? 0]).ToArray();
        keyGroups = reader.GetSortedSetDocValues(KeyGroupFacet);
        keyGroupOrdinalCounts = new long[keyGroups?.ValueCount ?? 0];
        validUntil = reader.GetNumericDocValues("validUntilDv");
        published = reader.GetNumericDocValues("publishedDv");
        salary = reader.GetNumericDocValues("salaryMaxCents");
        latitude = reader.GetNumericDocValues("latDv");
        longitude = reader.GetNumericDocValues("lngDv");
        idKeys = reader.GetNumericDocValues("idKey");
    }

    public void Collect(int doc)
    {
        if (validUntil!.Get(doc) <= now) return;
        double? distance = null;
        if (near)
        {
            var postingLat = BitConverter.Int64BitsToDouble(latitude!.Get(doc));
            if (!double.IsNaN(postingLat)) distance = SearchIndex.DistanceMetres(lat, lng, postingLat, BitConverter.Int64BitsToDouble(longitude!.Get(doc)));
            if (radiusMetres < double.PositiveInfinity && !(distance <= radiusMetres)) return;
        }
        Total++;
        for (var i = 0; i < facetValues.Length; i++)
        {
            var ordinal = facetValues[i]?.GetOrd(doc) ?? -1;
            if (ordinal >= 0) ordinalCounts[i][ordinal]++;
        }
        if (keyGroups is not null)
        {
            keyGroups.SetDocument(doc);
            for (var ordinal = keyGroups.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = keyGroups.NextOrd()) keyGroupOrdinalCounts[ordinal]++;
        }
        var key = order.Compute(scoring ? scorer!.GetScore() : 0, published!.Get(doc), salary!.Get(doc), distance);
        var entry = (key, idKeys!.Get(doc));
        if (after is { } cursor && entry.CompareTo(cursor) >= 0) return;
        if (best.Count < keep)
        {
            best.Enqueue(new Hit(docBase + doc, key, entry.Item2, distance), entry);
            if (best.Count == keep) best.TryPeek(out _, out worst);
        }
        else if (entry.CompareTo(worst) > 0)
        {
            best.EnqueueDequeue(new Hit(docBase + doc, key, entry.Item2, distance), entry);
            best.TryPeek(out _, out worst);
        }
    }

    /// <summary>The kept postings, best first.</summary>
    public List<Hit> Page()
    {
        Flush();
        return best.UnorderedItems.Select(item => item.Element).OrderByDescending(hit => hit.Key).ThenByDescending(hit => hit.IdKey).ToList();
    }

    public SearchFacets Facets()
    {
        Flush();
        List<FacetCount> Of(int facet, Func<string, string> name) => SearchStore.Counts(counts[facet].Select(pair => (name(pair.Key), pair.Value)));
        return new SearchFacets(Of(0, SearchStore.Camel), SearchStore.Counts(keyGroupCounts.Select(pair => (SearchStore.Camel(pair.Key), pair.Value))),
            Of(1, code => code), Of(2, code => code), Of(3, band => band), Of(4, SearchStore.Camel));
    }

    /// <summary>Adds the segment's ordinal counts to the counts by value.</summary>
    private void Flush()
    {
        for (var i = 0; i < facetValues.Length; i++)
        {
            for (var ordinal = 0; ordinal < ordinalCounts[i].Length; ordinal++)
            {
                if (ordinalCounts[i][ordinal] == 0) continue;
                var value = new BytesRef();
                facetValues[i]!.LookupOrd(ordinal, value);
                var name = value.Utf8ToString();
                counts[i][name] = counts[i].GetValueOrDefault(name) + ordinalCounts[i][ordinal];
            }
            ordinalCounts[i] = [];
        }
        for (var ordinal = 0; ordinal < keyGroupOrdinalCounts.Length; ordinal++)
        {
            if (keyGroupOrdinalCounts[ordinal] == 0) continue;
            var value = new BytesRef();
            keyGroups!.LookupOrd(ordinal, value);
            var name = value.Utf8ToString();
            keyGroupCounts[name] = keyGroupCounts.GetValueOrDefault(name) + keyGroupOrdinalCounts[ordinal];
        }
        keyGroupOrdinalCounts = [];
    }
}
