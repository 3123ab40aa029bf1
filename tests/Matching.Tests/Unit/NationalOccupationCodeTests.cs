using Matching.Api.Candidates;
using Matching.Api.ReadModel;
using Matching.Taxonomy;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

/// <summary>Postings and seekers coded in 职业分类大典 meet those coded in ESCO, through the crosswalk (docs/decisions/060).</summary>
public sealed class NationalOccupationCodeTests
{
    private const string CargoDriver = "4-02-02-02"; // 道路货运汽车驾驶员
    private static readonly ConceptVocabulary Vocabulary = Pipeline.Vocabulary;
    private static SkillTaxonomy Taxonomy => Vocabulary.Taxonomy;
    private readonly CandidateIndex index = new();

    private static string EscoOf(string nationalCode) => Taxonomy[Taxonomy.EscoOccupationsOf(nationalCode)[0]].Label;

    private List<Candidate<IndexedPosting>> CandidatesFor(SeekerSnapshot seeker, params PostingSnapshot[] postings)
    {
        index.Apply(postings.Select(p => IndexedPosting.From(p, Vocabulary)), [], []);
        return index.Retrieve(IndexedSeeker.From(seeker, Vocabulary), Pipeline.Now, 100);
    }

    private static PostingSnapshot CodedOnlyInNational(string title, string nationalCode)
    {
        var posting = Posting([], title: title);
        return new PostingSnapshot
        {
            PostingId = posting.PostingId, EmployerId = posting.EmployerId, Title = posting.Title, RegionCode = posting.RegionCode,
            Latitude = posting.Latitude, Longitude = posting.Longitude, PublishedAt = posting.PublishedAt, NationalOccupationCode = nationalCode,
        };
    }

    [Fact]
    public void A_posting_coded_only_in_the_national_classification_meets_a_seeker_who_named_the_ESCO_occupation()
    {
        var posting = CodedOnlyInNational("QQ-岗位-7", CargoDriver);
        Assert.Null(Taxonomy.OccupationOfTitle(posting.Title)); // the title names nothing: only the code can join them

        var driver = CandidatesFor(Seeker([], desiredOccupations: [EscoOf(CargoDriver)]), posting);
        var welder = CandidatesFor(Seeker([], desiredOccupations: ["welder"]), posting);

        Assert.Equal(CandidatePath.SharedConcept, Assert.Single(driver).Path);
        Assert.DoesNotContain(welder, c => c.Path == CandidatePath.SharedConcept);
    }

    [Fact]
    public void A_seeker_coded_only_in_the_national_classification_meets_a_posting_with_the_ESCO_code()
    {
        var escoCode = Taxonomy[Taxonomy.EscoOccupationsOf(CargoDriver)[0]].IscoCode!;
        var posting = Posting([], title: "QQ-岗位-8");
        posting = new PostingSnapshot
        {
            PostingId = posting.PostingId, EmployerId = posting.EmployerId, Title = posting.Title, RegionCode = posting.RegionCode,
            Latitude = posting.Latitude, Longitude = posting.Longitude, PublishedAt = posting.PublishedAt, OccupationCode = escoCode,
        };
        var seeker = Seeker([]);
        seeker = new SeekerSnapshot
        {
            SeekerId = seeker.SeekerId, RegionCode = seeker.RegionCode, Latitude = seeker.Latitude, Longitude = seeker.Longitude,
            UpdatedAt = seeker.UpdatedAt, NationalOccupationCode = CargoDriver,
        };

        Assert.Equal(CandidatePath.SharedConcept, Assert.Single(CandidatesFor(seeker, posting)).Path);
    }

    [Fact]
    public void A_national_code_the_crosswalk_maps_to_a_unit_group_only_names_the_title_first_then_the_group()
    {
        var unmapped = Taxonomy.National.Occupations.First(o => o.SameAs is null && o.Crosswalk!.EscoOccupationUris.Count == 0);
        var byTitle = IndexedPosting.From(CodedOnlyInNational("焊工", unmapped.Code), Vocabulary);
        var byGroup = IndexedPosting.From(CodedOnlyInNational("QQ-岗位-9", unmapped.Code), Vocabulary);

        Assert.Equal([Taxonomy.OccupationOfTitle("焊工")!.Id], byTitle.Occupations);
        Assert.Equal(Taxonomy.EscoOccupationsOf(unmapped.Code), byGroup.Occupations);
        Assert.All(byGroup.Occupations, id => Assert.StartsWith(unmapped.Crosswalk!.IscoGroup, Taxonomy[id].IscoCode, StringComparison.Ordinal));
    }
}
