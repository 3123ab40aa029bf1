using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using JobPostings.Api.Postings;
using Matching.Taxonomy;

namespace JobPostings.Api.Search;

/// <summary>How results are ordered; each has its own keyset.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
    Salary,
    Distance,
}

/// <summary>
/// A seeker's search, from the query string. Region takes a division code at any level (150000 the whole region,
/// 150200 Baotou, 150203 one district); a point and radius replace it for "near me". Salary keeps postings whose
/// top of range reaches the amount, SalaryTo those whose bottom of range is at most it (together: a range that
/// overlaps); IncludeUnstatedSalary adds postings with no figure (negotiable or not stated). Education and
/// ExperienceYears are what the seeker has: postings asking for no more (or nothing). Page numbers the pages (up to
/// <see cref="MaxPage"/>); After continues from a cursor instead. NationalOccupation takes a code of 职业分类大典 2022 at any
/// level (4 大类, 4-02 中类, 4-02-02 小类, or a 细类) and keeps the postings whose 细类 falls under it.
/// </summary>
public sealed record SearchQuery(
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
    DateTime? PostedSince,
    string? Sort,
    int? Limit,
    string? After,
    int? Page = null,
    decimal? SalaryTo = null,
    string? Education = null,
    int? ExperienceYears = null,
    string? NationalOccupation = null)
{
    public const int MaxLimit = 100;
    public const double MaxRadiusKm = 500;
    /// <summary>Numbered pages reach this far (offset paging; deeper, the cursor is the way on).</summary>
    public const int MaxPage = 500;

    /// <summary>
    /// Search-engine syntax no job seeker means: refused rather than silently read as words, so a client that sends
    /// wildcards or field queries learns they do nothing. Full-width brackets typed by a Chinese IME (（包吃住）) are text.
    /// </summary>
    private static readonly char[] QuerySyntax = ['*', '?', ':', '(', ')', '[', ']', '{', '}', '^', '~', '\\'];

    /// <summary>Relevance needs words to be relevant to; without them the newest come first.</summary>
    public SearchSort EffectiveSort =>
        Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out var sort) ? sort : string.IsNullOrWhiteSpace(Q) ? SearchSort.Newest : SearchSort.Relevance;

    // Enum values arrive in camelCase (as the API writes them); query binding alone would want them case-exact.
    public IReadOnlyList<EmploymentType> EmploymentTypes => Parse<EmploymentType>(EmploymentType);

    public IReadOnlyList<KeyGroup> KeyGroups => Parse<KeyGroup>(KeyGroup);

    private static List<T> Parse<T>(string[]? values) where T : struct, Enum =>
        (values ?? []).Select(value => Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : (T?)null).OfType<T>().ToList();

    private static bool AllParse<T>(string[]? values) where T : struct, Enum =>
        (values ?? []).All(value => Enum.TryParse<T>(value, ignoreCase: true, out _) && !int.TryParse(value, out _));

    public int EffectiveLimit => Math.Clamp(Limit ?? 20, 1, MaxLimit);

    /// <summary>Rows to skip for a numbered page.</summary>
    public int Offset => After is null && Page is > 1 and <= MaxPage ? (Page.Value - 1) * EffectiveLimit : 0;

    /// <summary>The education levels a seeker with <see cref="Education"/> qualifies for: theirs and every lower one.</summary>
    public IReadOnlyList<string> QualifiedEducation =>
        Enum.TryParse<JobMatch.Contracts.Responses.Postings.Education>(Education, ignoreCase: true, out var level) && !int.TryParse(Education, out _)
            ? Enum.GetValues<JobMatch.Contracts.Responses.Postings.Education>().Where(each => each <= level).Select(each => each.ToString()).ToList()
            : [];

    /// <summary>The 职业分类大典 code the postings' 细类 must start with (written as the classification writes it), or null.</summary>
    public string? NationalOccupationPrefix =>
        string.IsNullOrWhiteSpace(NationalOccupation) ? null : TextNormalizer.Clean(NationalOccupation);

    public Validation Validate()
    {
        var validation = new Validation()
            .Require(Sort is null || (Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out _) && !int.TryParse(Sort, out _)), "sort", "Sort by relevance, newest, salary or distance.")
            .Require(AllParse<EmploymentType>(EmploymentType), "employmentType", "Employment types are fullTime, partTime, internship, publicWelfare or grassroots.")
            .Require(AllParse<KeyGroup>(KeyGroup), "keyGroup", "Key groups are graduateFriendly, veteranPriority, disabilityAccessible, accommodationProvided or ruralFriendly.")
            .Require(Q is null || Q.Length <= 200, "q", "The search text is at most 200 characters.")
            // U+FFFD is what the query-string decoder leaves of broken UTF-8 (a lone surrogate sent percent-encoded).
            .Require(TextNormalizer.FindForbidden(Q) < 0 && Q?.Contains('\uFFFD', StringComparison.Ordinal) != true, "q", "This text contains a character that cannot be stored (a control character or a broken surrogate).")
            .Require(Q is null || Q.Count(c => c == '"') % 2 == 0, "q", "The search text has a quote without its closing quote.")
            .Require(Q is null || Q.IndexOfAny(QuerySyntax) < 0, "q", "The search text cannot contain query syntax (* ? : ( ) [ ] { } ^ ~ \\): type the words you are looking for.")
            .Require(RadiusKm is null || (Lat is not null && Lng is not null), "radiusKm", "A radius needs a point: give lat and lng.")
            .Require(RadiusKm is null or (> 0 and <= MaxRadiusKm), "radiusKm", $"The radius is between 0 and {MaxRadiusKm} km.")
            .Require(EffectiveSort != SearchSort.Distance || (Lat is not null && Lng is not null), "sort", "Sorting by distance needs a point: give lat and lng.")
            .Require(EffectiveSort != SearchSort.Relevance || !string.IsNullOrWhiteSpace(Q), "sort", "Sorting by relevance needs search text (q).")
            .Require(Salary is null or >= 0, "salary", "The salary cannot be negative.")
            .Require(Limit is null or (>= 1 and <= MaxLimit), "limit", $"The limit is between 1 and {MaxLimit}.")
            .Require(After is null || SearchCursor.TryParse(After, EffectiveSort, out _), "after", "The cursor is not one this search returned.")
            .Require(Page is null or (>= 1 and <= MaxPage), "page", $"The page is between 1 and {MaxPage}.")
            .Require(Page is null || After is null, "page", "Give a page or a cursor, not both.")
            .Require(SalaryTo is null or >= 0, "salaryTo", "The salary cannot be negative.")
            .Require(Salary is null || SalaryTo is null || SalaryTo >= Salary, "salaryTo", "The highest salary is at least the lowest.")
            .Require(Education is null || QualifiedEducation.Count > 0, "education",
                "Education levels are none, juniorMiddle, seniorHigh, vocational, college, bachelor, master or doctorate.")
            .Require(ExperienceYears is null or (>= 0 and <= 50), "experienceYears", "Experience is between 0 and 50 years.")
            .Require(NationalOccupationPrefix is null || NationalClassification.Shared.IsCode(NationalOccupationPrefix), "nationalOccupation", NationalClassification.NotACode)
            .RequireCoordinates(Lat, Lng);
        if (Region is not null) validation.RequireRegionCode(Region, "region");
        return validation;
    }
}
