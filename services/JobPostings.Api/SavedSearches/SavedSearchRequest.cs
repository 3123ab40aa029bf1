using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Search;

namespace JobPostings.Api.SavedSearches;

/// <summary>
/// A search to be alerted about: the filters of GET /api/postings/search (without order and paging), and a name of
/// the seeker's choosing. Region or a circle (lat, lng, radiusKm) says where; a circle wins over a region, as in search.
/// NationalOccupation is a 职业分类大典 2022 code of any level, kept as a prefix of the posting's 细类 as in search.
/// </summary>
public sealed record SavedSearchRequest(
    string? Name,
    string? Q,
    string? Region,
    double? Lat,
    double? Lng,
    double? RadiusKm,
    string? Occupation,
    decimal? Salary,
    bool? IncludeUnstatedSalary,
    string[]? EmploymentType,
    bool? EntryLevel,
    string[]? KeyGroup,
    string? NationalOccupation = null)
{
    public const int MaxNameLength = 100;
    /// <summary>Stored as numeric(12, 2) like postings' salaries.</summary>
    public const decimal MaxSalary = 1_000_000_000m;

    public SearchQuery AsQuery() =>
        new(Q, Region, Lat, Lng, RadiusKm, Occupation, Salary, IncludeUnstatedSalary, EmploymentType, EntryLevel, KeyGroup, null, null, null, null,
            NationalOccupation: NationalOccupation);

    /// <summary>Search's own rules field by field, and a saved search must narrow something (else every posting alerts).</summary>
    public Validation Validate() =>
        AsQuery().Validate()
            .Require(Name is null || Name.Trim().Length is > 0 and <= MaxNameLength, "name", $"The name is 1 to {MaxNameLength} characters.")
            .Require(Salary is null or <= MaxSalary, "salary", "The salary is at most 1,000,000,000.")
            .Require(Lat is null || RadiusKm is not null, "radiusKm", "A saved search uses a point only with a radius around it.")
            .Require(SearchTerms.Interpret(Q) is { TextQuery: not null } or { RegionCode: not null } || Region is not null || RadiusKm is not null || !string.IsNullOrWhiteSpace(Occupation)
                     || !string.IsNullOrWhiteSpace(NationalOccupation)
                     || Salary is not null || EmploymentType is { Length: > 0 } || EntryLevel == true || KeyGroup is { Length: > 0 },
                "q", "Say what to be alerted about: words, a region or radius, an occupation, a salary, a type of post, entry level or a key group.");
}
