namespace JobPostings.Api.Postings;

/// <summary>Where a posting is in its life. Screening and review states arrive with the screening feature.</summary>
public enum PostingStatus
{
    Draft,
    Published,
    Closed,
}
