namespace JobPostings.Api.Postings;

/// <summary>The answers' records (JobMatch.Contracts.Responses, shared with the portal) made from what is stored.</summary>
public static class PostingResponses
{
    extension(PostingResponse)
    {
        public static PostingResponse From(Posting posting) => new(
            posting.Id, posting.EmployerId, posting.Title, posting.Description, posting.OccupationCode, posting.Skills,
            posting.RegionCode, posting.Latitude, posting.Longitude, posting.SalaryMin, posting.SalaryMax, posting.Vacancies,
            posting.State, posting.ValidUntil, posting.CreatedAt, posting.PublishedAt, posting.ClosedAt,
            posting.OptionalSkills,
            posting.Education is null ? null : Enum.Parse<Education>(posting.Education),
            posting.ExperienceYears, posting.SalaryNegotiable,
            Enum.Parse<EmploymentType>(posting.EmploymentType),
            posting.KeyGroups.Select(Enum.Parse<KeyGroup>).ToList(),
            posting.ReviewNote,
            posting.EmployerName,
            posting.NationalOccupationCode,
            NationalOccupationSource: posting.NationalSource);
    }

    extension(PostingPage)
    {
        public static PostingPage From(IReadOnlyList<Posting> postings, int limit) =>
            new(postings.Select(posting => PostingResponse.From(posting)).ToList(),
                postings.Count == limit ? new PostingCursor(postings[^1].PublishedAt!.Value, postings[^1].Id) : null);
    }
}
