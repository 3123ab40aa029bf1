namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// One page of results; Total counts every posting the search matches (all pages), exactly up to the service's cap
/// (10,000); beyond it TotalIsLowerBound is set and Total is the cap ("10,000+").
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, string? Next, SearchFacets Facets, long Total = 0, bool TotalIsLowerBound = false,
    SearchReading? Reading = null);

public sealed record SearchHit(PostingResponse Posting, double? DistanceKm);

public sealed record FacetCount(string Value, long Count);

/// <summary>
/// Counts of the matching postings for the filter sidebar: by employment type, key group, league/city (Region), banner or
/// county, salary band (by the top of the posting's range), education asked ("none" when not stated) and 职业分类大典 大类
/// (1–8; "none" when no 细类 was given or found).
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> EmploymentType, IReadOnlyList<FacetCount> KeyGroup, IReadOnlyList<FacetCount> Region,
    IReadOnlyList<FacetCount>? Banner = null, IReadOnlyList<FacetCount>? SalaryBand = null, IReadOnlyList<FacetCount>? Education = null,
    IReadOnlyList<FacetCount>? NationalMajorGroup = null);

/// <summary>How the typed words were read: a place taken as the region filter, the occupation they name, English words respelled.</summary>
public sealed record SearchReading(string? Region, string? Occupation, IReadOnlyList<string> Corrections);
