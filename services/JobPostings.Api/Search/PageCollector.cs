using System.Globalization;
using System.Runtime.CompilerServices;
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
    public static readonly string[] FacetFields = ["facet.employmentType", "facet.league", "facet.banner", "facet.salaryBand", "facet.education", "facet.nationalMajorGroup"];

    public sealed record Hit(int Doc, long Key, long IdKey, double? DistanceMetres);

    private readonly OrderKey order;
    private readonly bool near, scoring;
    private readonly double lat, lng, radiusMetres;
    private readonly int keep;
    private readonly (long Key, long IdKey)? after;
    private readonly PriorityQueue<Hit, (long, long)> best = new();
    private readonly Dictionary<string, long>[] counts = FacetFields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, long> keyGroupCounts = new(StringComparer.Ordinal);
    private readonly long now = DateTime.UtcNow.Ticks;
    private readonly PostingFilter filter;
    private readonly string? regionPrefix;
    private readonly (int Facet, HashSet<string> Values)[] anyOf;
    private bool[]? inRegion;
    private bool[][] allowed = [];
    private SegmentColumns columns = SegmentColumns.Empty;
    private long[][] ordinalCounts = [];
    private long[] keyGroupOrdinalCounts = [];
    private Scorer? scorer;
    private (long, long) worst;
    private int docBase;

    /// <param name="regionPrefix">A region the collector checks itself (the query does not), by the banner facet's value.</param>
    public PageCollector(SearchQuery query, OrderKey order, int keep, string? regionPrefix = null)
    {
        this.regionPrefix = regionPrefix;
        anyOf = CheckedHere(query);
        this.order = order;
        (near, lat, lng) = query is { Lat: { } pointLat, Lng: { } pointLng } ? (true, pointLat, pointLng) : (false, 0, 0);
        radiusMetres = query.RadiusKm is { } radius ? radius * 1000 : double.PositiveInfinity;
        scoring = order.Sort == SearchSort.Relevance;
        filter = PostingFilter.Of(query);
        this.keep = keep;
        if (query.After is { } text && SearchCursor.TryParse(text, order.Sort, out var cursor)) after = (order.Decode(cursor!), SearchIndex.IdKey(cursor!.Id));
    }

    public long Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        docBase = context.DocBase;
        columns = SegmentColumns.Of(context.AtomicReader);
        inRegion = regionPrefix is null ? null : columns.FacetNames[2].Select(code => code.StartsWith(regionPrefix, StringComparison.Ordinal)).ToArray();
        allowed = anyOf.Select(filter => columns.FacetNames[filter.Facet].Select(filter.Values.Contains).ToArray()).ToArray();
        ordinalCounts = columns.FacetNames.Select(names => new long[names.Length]).ToArray();
        keyGroupOrdinalCounts = new long[columns.KeyGroupNames.Length];
    }

    public void Collect(int doc)
    {
        if (columns.ValidUntil[doc] <= now || !filter.Keeps(columns, doc)) return;
        if (inRegion is not null && columns.FacetOrdinals[2][doc] is var banner && (banner < 0 || !inRegion[banner])) return;
        for (var i = 0; i < allowed.Length; i++)
        {
            var ordinal = columns.FacetOrdinals[anyOf[i].Facet][doc];
            if (ordinal < 0 || !allowed[i][ordinal]) return;
        }
        double? distance = null;
        if (near)
        {
            var postingLat = columns.Latitude[doc];
            if (!double.IsNaN(postingLat)) distance = SearchIndex.DistanceMetres(lat, lng, postingLat, columns.Longitude[doc]);
            if (radiusMetres < double.PositiveInfinity && !(distance <= radiusMetres)) return;
        }
        Total++;
        for (var i = 0; i < ordinalCounts.Length; i++)
        {
            var ordinal = columns.FacetOrdinals[i][doc];
            if (ordinal >= 0) ordinalCounts[i][ordinal]++;
        }
        for (var bits = columns.KeyGroupBits[doc]; bits != 0; bits &= bits - 1) keyGroupOrdinalCounts[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
        var key = order.Compute(scoring ? scorer!.GetScore() : 0, columns.Published[doc], columns.SalaryCents[doc], distance);
        var entry = (key, columns.IdKey[doc]);
        if (after is { } cursor && entry.CompareTo(cursor) >= 0) return;
        if (best.Count < keep || entry.CompareTo(worst) > 0) Keep(new Hit(docBase + doc, key, entry.Item2, distance), entry);
    }

    /// <summary>
    /// The filters on one of several values (the educations a level qualifies for, two or more employment types) that this
    /// collector checks by facet ordinal: as query clauses they are a disjunction of term lists advanced for every match,
    /// the dearest part of such a search. One value stays a term query (<see cref="SearchIndex"/>), which visits fewer
    /// postings than there are.
    /// </summary>
    internal static (int Facet, HashSet<string> Values)[] CheckedHere(SearchQuery query)
    {
        var filters = new List<(int, HashSet<string>)>();
        if (query.QualifiedEducation is { Count: > 0 } educations) filters.Add((4, [.. educations, "None"]));
        if (query.EmploymentTypes is { Count: > 1 } types) filters.Add((0, [.. types.Select(type => type.ToString())]));
        return [.. filters];
    }

    /// <summary>Takes in what another collector of the same search found in its slice (<see cref="SearchSlices"/>): its total, its facet counts and its kept postings.</summary>
    public void Absorb(PageCollector other)
    {
        Flush();
        other.Flush();
        Total += other.Total;
        for (var i = 0; i < counts.Length; i++)
        {
            foreach (var (name, count) in other.counts[i]) counts[i][name] = counts[i].GetValueOrDefault(name) + count;
        }
        foreach (var (name, count) in other.keyGroupCounts) keyGroupCounts[name] = keyGroupCounts.GetValueOrDefault(name) + count;
        foreach (var (hit, entry) in other.best.UnorderedItems) Keep(hit, entry);
    }

    private void Keep(Hit hit, (long, long) entry)
    {
        if (best.Count < keep)
        {
            best.Enqueue(hit, entry);
            if (best.Count == keep) best.TryPeek(out _, out worst);
        }
        else if (entry.CompareTo(worst) > 0)
        {
            best.EnqueueDequeue(hit, entry);
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
            Of(1, code => code), Of(2, code => code), Of(3, band => band), Of(4, SearchStore.Camel), Of(5, code => code));
    }

    /// <summary>Adds the segment's ordinal counts to the counts by value.</summary>
    private void Flush()
    {
        for (var i = 0; i < ordinalCounts.Length; i++)
        {
            for (var ordinal = 0; ordinal < ordinalCounts[i].Length; ordinal++)
            {
                if (ordinalCounts[i][ordinal] == 0) continue;
                var name = columns.FacetNames[i][ordinal];
                counts[i][name] = counts[i].GetValueOrDefault(name) + ordinalCounts[i][ordinal];
            }
        }
        ordinalCounts = [];
        for (var ordinal = 0; ordinal < keyGroupOrdinalCounts.Length; ordinal++)
        {
            if (keyGroupOrdinalCounts[ordinal] == 0) continue;
            var name = columns.KeyGroupNames[ordinal];
            keyGroupCounts[name] = keyGroupCounts.GetValueOrDefault(name) + keyGroupOrdinalCounts[ordinal];
        }
        keyGroupOrdinalCounts = [];
    }
}

/// <summary>
/// The conditions of a search compared per posting from <see cref="SegmentColumns"/> (the same as
/// <see cref="SearchStore.Filter"/>'s): pay reaching Salary and starting at most SalaryTo (unstated pay kept or dropped
/// as IncludeUnstatedSalary says), experience asked at most ExperienceYears (none for entry level), published since.
/// </summary>
internal sealed record PostingFilter(double? Salary, double? SalaryTo, bool? IncludeUnstated, long? MaxExperience, bool EntryLevel, long? PublishedSince)
{
    public static PostingFilter Of(SearchQuery query) => new((double?)query.Salary, (double?)query.SalaryTo, query.IncludeUnstatedSalary,
        query.ExperienceYears, query.EntryLevel == true, query.PostedSince?.ToUniversalTime().Ticks);

    public bool Keeps(SegmentColumns columns, int doc)
    {
        var top = columns.PayTop[doc];
        var stated = !double.IsNaN(top);
        if (Salary is { } salary && !(stated ? top >= salary : IncludeUnstated == true)) return false;
        if (Salary is null && IncludeUnstated == false && !stated) return false;
        if (SalaryTo is { } salaryTo && !(stated ? columns.PayBottom[doc] <= salaryTo : IncludeUnstated == true)) return false;
        if (MaxExperience is { } years && columns.Experience[doc] > years) return false;
        if (EntryLevel && columns.Experience[doc] != 0) return false;
        return PublishedSince is not { } since || columns.Published[doc] >= since;
    }
}

/// <summary>
/// One segment's doc values copied into plain arrays on its first search (a segment never changes; a write or a merge
/// makes new ones, which get their own), so the collector's work per posting is array reads rather than calls into
/// packed doc values: about 60 bytes a posting.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();
    public static readonly SegmentColumns Empty = new();

    public int[][] FacetOrdinals { get; } = [];
    public string[][] FacetNames { get; } = [];
    /// <summary>Key groups per posting as bits of their ordinals (there are five).</summary>
    public int[] KeyGroupBits { get; } = [];
    public string[] KeyGroupNames { get; } = [];
    public long[] ValidUntil { get; } = [];
    public long[] Published { get; } = [];
    public long[] SalaryCents { get; } = [];
    public long[] IdKey { get; } = [];
    public double[] Latitude { get; } = [];
    public double[] Longitude { get; } = [];
    /// <summary>The top and the bottom of the pay range (either when only one is given), NaN when not stated.</summary>
    public double[] PayTop { get; } = [];
    public double[] PayBottom { get; } = [];
    public long[] Experience { get; } = [];

    private SegmentColumns()
    {
    }

    private SegmentColumns(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        static string[] Names(int valueCount, Action<int, BytesRef> lookup) =>
            Enumerable.Range(0, valueCount).Select(ordinal =>
            {
                var value = new BytesRef();
                lookup(ordinal, value);
                return value.Utf8ToString();
            }).ToArray();
        var facets = PageCollector.FacetFields.Select(reader.GetSortedDocValues).ToArray();
        FacetOrdinals = facets.Select(values => Enumerable.Range(0, count).Select(doc => values?.GetOrd(doc) ?? -1).ToArray()).ToArray();
        FacetNames = facets.Select(values => values is null ? [] : Names(values.ValueCount, values.LookupOrd)).ToArray();
        var groups = reader.GetSortedSetDocValues(PageCollector.KeyGroupFacet);
        KeyGroupBits = new int[count];
        if (groups is not null)
        {
            KeyGroupNames = Names((int)Math.Min(groups.ValueCount, 32), (ordinal, value) => groups.LookupOrd(ordinal, value));
            for (var doc = 0; doc < count; doc++)
            {
                groups.SetDocument(doc);
                for (var ordinal = groups.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = groups.NextOrd())
                {
                    if (ordinal < 32) KeyGroupBits[doc] |= 1 << (int)ordinal;
                }
            }
        }
        long[] Longs(string field)
        {
            var values = reader.GetNumericDocValues(field);
            return Enumerable.Range(0, count).Select(doc => values?.Get(doc) ?? 0).ToArray();
        }
        ValidUntil = Longs("validUntilDv");
        Published = Longs("publishedDv");
        SalaryCents = Longs("salaryMaxCents");
        IdKey = Longs("idKey");
        Latitude = Longs("latDv").Select(BitConverter.Int64BitsToDouble).ToArray();
        Longitude = Longs("lngDv").Select(BitConverter.Int64BitsToDouble).ToArray();
        PayTop = Longs("payTopDv").Select(BitConverter.Int64BitsToDouble).ToArray();
        PayBottom = Longs("payBottomDv").Select(BitConverter.Int64BitsToDouble).ToArray();
        Experience = Longs("experienceDv");
    }

    public static SegmentColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));
}
