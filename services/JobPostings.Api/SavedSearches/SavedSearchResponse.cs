namespace JobPostings.Api.SavedSearches;

/// <summary>A saved search as its seeker made it.</summary>
public sealed record SavedSearchResponse(Guid Id, string? Name, SavedSearchRequest Search, DateTime CreatedAt);
