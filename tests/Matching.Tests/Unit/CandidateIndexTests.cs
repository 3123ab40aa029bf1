using Matching.Api.Candidates;
using Matching.Api.ReadModel;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

public sealed class CandidateIndexTests
{
    private static readonly ConceptVocabulary Vocabulary = Pipeline.Vocabulary;
    private readonly CandidateIndex index = new();

    private void Put(params PostingSnapshot[] postings) => index.Apply(postings.Select(p => IndexedPosting.From(p, Vocabulary)), [], []);

    private List<string> TitlesFor(SeekerSnapshot seeker, int limit = 100) =>
        index.CandidatesFor(IndexedSeeker.From(seeker, Vocabulary), Pipeline.Now, limit).Select(p => p.Snapshot.Title).ToList();

    [Fact]
    public void A_closed_posting_leaves_at_once()
    {
        var posting = Posting(["Welding"], title: "ZZ-a");
        Put(posting);
        Assert.Equal(["ZZ-a"], TitlesFor(Seeker(["Welding"])));

        index.Apply([IndexedPosting.From(Closed(posting), Vocabulary)], [], []);

        Assert.Empty(TitlesFor(Seeker(["Welding"])));
        Assert.Equal(0, index.PostingCount);
    }

    [Fact]
    public void An_expired_posting_is_no_candidate_even_before_it_is_closed()
    {
        var expired = Posting(["Welding"], title: "ZZ-b");
        Put(new PostingSnapshot
        {
            PostingId = expired.PostingId, EmployerId = expired.EmployerId, Title = expired.Title, Skills = expired.Skills, RegionCode = expired.RegionCode,
            Latitude = expired.Latitude, Longitude = expired.Longitude, PublishedAt = expired.PublishedAt, ValidUntil = Pipeline.Now.AddMinutes(-1),
        });

        Assert.Empty(TitlesFor(Seeker(["Welding"])));
    }

    [Fact]
    public void A_republished_posting_replaces_its_old_version()
    {
        var posting = Posting(["Welding"], title: "ZZ-c");
        Put(posting);
        Put(new PostingSnapshot
        {
            PostingId = posting.PostingId, EmployerId = posting.EmployerId, Title = "ZZ-c2", Skills = ["Driving"], RegionCode = posting.RegionCode,
            Latitude = posting.Latitude, Longitude = posting.Longitude, PublishedAt = posting.PublishedAt.AddDays(1),
        });

        Assert.Empty(TitlesFor(Seeker(["Welding"])));
        Assert.Equal(["ZZ-c2"], TitlesFor(Seeker(["Driving"])));
        Assert.Equal(1, index.PostingCount);
    }

    [Fact]
    public void At_the_limit_the_postings_sharing_the_most_concepts_are_kept()
    {
        Put(Posting(["Welding"], title: "ZZ-one"), Posting(["Welding", "Driving", "Forklift"], title: "ZZ-three"), Posting(["Welding", "Driving"], title: "ZZ-two"));

        Assert.Equal(["ZZ-three", "ZZ-two"], TitlesFor(Seeker(["Welding", "Driving", "Forklift"]), limit: 2));
    }

    [Fact]
    public void Postings_sharing_as_many_concepts_come_newest_first_then_in_the_order_they_were_indexed()
    {
        var day = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Put(Posting(["Welding"], title: "ZZ-first", publishedAt: day), Posting(["Welding"], title: "ZZ-second", publishedAt: day),
            Posting(["Welding"], title: "ZZ-newer", publishedAt: day.AddDays(1)), Posting(["Welding"], title: "ZZ-third", publishedAt: day),
            Posting(["Welding", "Driving"], title: "ZZ-two", publishedAt: day.AddDays(-1)));

        Assert.Equal(["ZZ-two", "ZZ-newer", "ZZ-first", "ZZ-second", "ZZ-third"], TitlesFor(Seeker(["Welding", "Driving"])));
    }

    [Fact]
    public void Postings_out_of_the_commute_take_no_place_at_the_limit()
    {
        // All in the cells around the seeker; the best two by shared concepts are 20 km away, beyond a 10 km commute.
        Put(Posting(["Welding", "Driving", "Forklift"], latitude: 40.84, longitude: 111.99, title: "ZZ-far-three"),
            Posting(["Welding", "Driving"], latitude: 40.84, longitude: 111.99, title: "ZZ-far-two"),
            Posting(["Welding"], title: "ZZ-near-one"), Posting(["Welding", "Driving"], title: "ZZ-near-two"), Posting(["Welding"], title: "ZZ-near-other"));

        Assert.Equal(["ZZ-near-two", "ZZ-near-one"], TitlesFor(Seeker(["Welding", "Driving", "Forklift"], maxCommuteKm: 10), limit: 2));
    }

    [Fact]
    public void Compaction_after_many_changes_keeps_every_live_posting_findable()
    {
        var postings = Enumerable.Range(0, 3000).Select(i => Posting(["Welding"], title: $"ZZ-{i}")).ToList();
        Put([.. postings]);
        index.Apply(postings.Take(2500).Select(p => IndexedPosting.From(Closed(p), Vocabulary)), [], []);

        Assert.Equal(500, index.PostingCount);
        Assert.Equal(500, TitlesFor(Seeker(["Welding"]), limit: 5000).Count);
    }

    [Fact]
    public void Removed_seekers_leave_and_candidates_for_a_posting_respect_a_filter()
    {
        var sharing = IndexedSeeker.From(Seeker(["Welding"], regionCode: "150102"), Vocabulary);
        var notSharing = IndexedSeeker.From(Seeker(["Welding"], regionCode: "150103"), Vocabulary);
        index.Apply([], [sharing, notSharing], []);
        var posting = IndexedPosting.From(Posting(["Welding"]), Vocabulary);

        Assert.Equal(2, index.CandidatesFor(posting, 10).Count);
        Assert.Equal([sharing.SeekerId], index.CandidatesFor(posting, 10, s => s.Snapshot.RegionCode == "150102").Select(s => s.SeekerId));

        index.Apply([], [], [sharing.SeekerId]);

        Assert.Equal([notSharing.SeekerId], index.CandidatesFor(posting, 10).Select(s => s.SeekerId));
        Assert.Null(index.FindSeeker(sharing.SeekerId));
    }

    [Fact]
    public void Postings_across_grid_cell_borders_and_postings_without_coordinates_are_found_within_the_commute()
    {
        // Cells are half a degree: 40.99 and 41.01 (and 111.49 / 111.51) lie in different cells, a few km apart.
        Put(Posting(["Welding"], latitude: 41.01, longitude: 111.51, title: "ZZ-across"),
            Posting(["Welding"], latitude: 41.6, longitude: 111.49, title: "ZZ-too-far"),
            Posting(["Welding"], latitude: null, longitude: null, title: "ZZ-unplaced"));

        var titles = TitlesFor(Seeker(["Welding"], latitude: 40.99, longitude: 111.49, maxCommuteKm: 30));

        Assert.Equal(["ZZ-across", "ZZ-unplaced"], titles.Order());
        Assert.Equal(3, TitlesFor(Seeker(["Welding"], latitude: 40.99, longitude: 111.49, maxCommuteKm: 30, willingToRelocate: true)).Count);
    }

    private static PostingSnapshot Closed(PostingSnapshot posting) => new()
    {
        PostingId = posting.PostingId, EmployerId = posting.EmployerId, Title = posting.Title, Skills = posting.Skills, RegionCode = posting.RegionCode,
        PublishedAt = posting.PublishedAt, ClosedAt = Pipeline.Now,
    };
}
