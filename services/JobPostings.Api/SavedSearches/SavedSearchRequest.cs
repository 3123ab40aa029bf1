using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Search;

namespace JobPostings.Api.SavedSearches;

/// <summary>
/// The rules of a saved search (the record is JobMatch.Contracts.Responses.Postings.SavedSearchRequest, shared with the
/// portal, which reads it back in every saved search): search's own, and a saved search must narrow something.
/// </summary>
public static class SavedSearchRules
{
    public const int MaxNameLength = 100;
    /// <summary>Stored as numeric(12, 2) like postings' salaries.</summary>
    public const decimal MaxSalary = 1_000_000_000m;

    extension(SavedSearchRequest request)
    {
        public SearchQuery AsQuery() =>
            new(request.Q, request.Region, request.Lat, request.Lng, request.RadiusKm, request.Occupation, request.Salary, request.IncludeUnstatedSalary,
                request.EmploymentType, request.EntryLevel, request.KeyGroup, null, null, null, null, NationalOccupation: request.NationalOccupation);

        /// <summary>Search's own rules field by field, and a saved search must narrow something (else every posting alerts).</summary>
        public Validation Validate() =>
            request.AsQuery().Validate()
                .Require(request.Name is null || request.Name.Trim().Length is > 0 and <= MaxNameLength, "name", $"The name is 1 to {MaxNameLength} characters.")
                .Require(request.Salary is null or <= MaxSalary, "salary", "The salary is at most 1,000,000,000.")
                .Require(request.Lat is null || request.RadiusKm is not null, "radiusKm", "A saved search uses a point only with a radius around it.")
                .Require(SearchTerms.Interpret(request.Q) is { TextQuery: not null } or { RegionCode: not null } || request.Region is not null
                         || request.RadiusKm is not null || !string.IsNullOrWhiteSpace(request.Occupation) || !string.IsNullOrWhiteSpace(request.NationalOccupation)
                         || request.Salary is not null
                         || request.EmploymentType is { Length: > 0 } || request.EntryLevel == true || request.KeyGroup is { Length: > 0 },
                    "q", "Say what to be alerted about: words, a region or radius, an occupation, a salary, a type of post, entry level or a key group.");
    }
}
