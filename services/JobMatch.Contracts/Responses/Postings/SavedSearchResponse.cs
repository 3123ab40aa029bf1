namespace JobMatch.Contracts.Responses.Postings;

/// <summary>A saved search as its seeker made it.</summary>
public sealed record SavedSearchResponse(Guid Id, string? Name, SavedSearchRequest Search, DateTime CreatedAt);

/// <summary>
/// A search to be alerted about: the filters of GET /api/postings/search (without order and paging), and a name of
/// the seeker's choosing. Region or a circle (lat, lng, radiusKm) says where; a circle wins over a region, as in search.
/// NationalOccupation is a 职业分类大典 2022 code of any level, kept as a prefix of the posting's 细类 as in search.
/// The request a seeker sends, and the search a saved search answers with; its rules are the service's
/// (JobPostings.Api/SavedSearches/SavedSearchRules.cs).
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
    string? NationalOccupation = null);
