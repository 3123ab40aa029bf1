using JobPostings.Api.Search;

namespace JobPostings.Tests.Unit;

/// <summary>The in-process index on its own: BM25 with the title weighing most, fed the terms the service stores.</summary>
public sealed class SearchIndexRankingTests
{
    private static IndexedPosting Posting(Guid id, string terms) => new()
    {
        Id = id, Live = true, Terms = terms, EmploymentType = "FullTime", RegionCode = "150203", PublishedAt = DateTime.UtcNow.AddDays(-1),
    };

    private static SearchQuery Words(string q) => new(q, null, null, null, null, null, null, null, null, null, null, null, null, 20, null);

    [Fact]
    public void A_word_in_the_title_outranks_it_in_the_skills_which_outranks_it_in_the_description_and_a_closed_posting_leaves_the_index()
    {
        var (title, skills, description, closed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var index = new SearchIndex();
        // Terms as the service stores them (tsvector text: weight A title, B skills, C description).
        index.Apply([
            Posting(description, SearchTerms.Document("Plant fitter", "Welder wanted for the night shift", ["Lifting"])),
            Posting(title, SearchTerms.Document("Welder", "Steel plant, day shift", ["Lifting"])),
            Posting(skills, SearchTerms.Document("Pipe fitter", "Steel plant, day shift", ["Welder"])),
            Posting(closed, SearchTerms.Document("Welder", "Closed since", [])),
        ]);
        index.Apply([Posting(closed, SearchTerms.Document("Welder", "Closed since", [])) with { Live = false }]);

        var page = index.Search(Words("welder"), SearchTerms.Interpret("welder"));

        Assert.Equal([title, skills, description], page.Hits.Select(hit => hit.Id));
        Assert.Equal(3, page.Total);
    }
}
