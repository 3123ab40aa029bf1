using JobMatch.Contracts;
using JobMatch.TextAnalysis;
using Matching.Api.ReadModel;

namespace Matching.Api.Candidates;

/// <summary>An open posting as the index holds it: concept ids beside the stored snapshot.</summary>
public sealed class IndexedPosting
{
    public required PostingSnapshot Snapshot { get; init; }
    /// <summary>Essential skills (the posting's Skills) as ids, each with the employer's wording.</summary>
    public required (int Id, string Label)[] Essential { get; init; }
    public required (int Id, string Label)[] Optional { get; init; }
    public required int[] Occupations { get; init; }
    public required EducationRank Education { get; init; }
    /// <summary>Title (cleaned of hype, codes, company and place names), skills and description as BM25 terms.</summary>
    public LexicalTerms Terms { get; init; } = LexicalTerms.None;

    /// <summary>Essential and optional skill ids: the concepts the index lists the posting under.</summary>
    public IEnumerable<int> SkillIds => Essential.Select(s => s.Id).Concat(Optional.Select(s => s.Id));

    public Guid PostingId => Snapshot.PostingId;
    public bool HasLocation => Snapshot is { Latitude: not null, Longitude: not null };

    public bool IsOpenAt(DateTime now) => Snapshot.ClosedAt is null && (Snapshot.ValidUntil is null || Snapshot.ValidUntil > now);

    public static IndexedPosting From(PostingSnapshot posting, ConceptVocabulary vocabulary) => new()
    {
        Snapshot = posting,
        Essential = vocabulary.Skills(posting.Skills),
        Optional = vocabulary.Skills(posting.OptionalSkills),
        Occupations = vocabulary.Occupations(posting.OccupationCode is { } code ? [code] : [], posting.Title, posting.NationalOccupationCode),
        Education = EducationRanks.OfPosting(posting.Education),
        Terms = new LexicalTerms.Builder(vocabulary.Terms)
            .Add(TitleCleaner.Clean(posting.Title).Core, LexicalTerms.TitleWeight)
            .Add(posting.Skills, LexicalTerms.SkillWeight)
            .Add(posting.OptionalSkills, LexicalTerms.TextWeight)
            .Add(posting.Description is { Length: > LexicalTerms.DescriptionChars } text ? text[..LexicalTerms.DescriptionChars] : posting.Description,
                LexicalTerms.TextWeight)
            .Build(),
    };
}

/// <summary>A seeker as the index holds them.</summary>
public sealed class IndexedSeeker
{
    public required SeekerSnapshot Snapshot { get; init; }
    /// <summary>Skill ids, sorted (binary search).</summary>
    public required int[] Skills { get; init; }
    /// <summary>Desired occupations, and for veterans the civilian occupations of their military specialties.</summary>
    public required int[] Occupations { get; init; }
    public required EducationRank Education { get; init; }
    /// <summary>Desired and past occupations, skills, certificates and field of study as BM25 terms.</summary>
    public LexicalTerms Terms { get; init; } = LexicalTerms.None;

    /// <summary>Whether the profile has any text at all to match on (skills, occupations, past titles, certificates, field).</summary>
    public bool HasProfileText => Skills.Length > 0 || Occupations.Length > 0 || !OwnTerms.IsEmpty;

    /// <summary>True for the copy an employer's view ranks (<see cref="WithCoarseLocation"/>): where the seeker
    /// lives is known only to the cell of <see cref="CoarseLocation"/>, and distances to it are banded.</summary>
    public bool HasCoarseLocation { get; init; }

    public Guid SeekerId => Snapshot.SeekerId;
    public bool HasLocation => Snapshot is { Latitude: not null, Longitude: not null };

    /// <summary>The seeker as an employer may see them ranked: coordinates moved to the centre of their
    /// <see cref="CoarseLocation"/> cell, so no distance, score or explanation an employer reads says more of where
    /// they live than the cell (security finding 3: trilateration from three postings).</summary>
    public IndexedSeeker WithCoarseLocation() => new()
    {
        Snapshot = Snapshot with
        {
            Latitude = CoarseLocation.Centre(Snapshot.Latitude),
            Longitude = CoarseLocation.Centre(Snapshot.Longitude),
        },
        Skills = Skills, Occupations = Occupations, Education = Education, Terms = Terms, OwnTerms = OwnTerms, PastPostings = PastPostings,
        ShownPlaces = ShownPlaces, HasCoarseLocation = true,
    };
    public bool IsIn(string keyGroup) => Snapshot.KeyGroups.Contains(keyGroup, StringComparer.Ordinal);

    /// <summary>The seeker's own words, without those of <see cref="WithPastPostings"/> (the same as <see cref="Terms"/> without a history).</summary>
    public LexicalTerms OwnTerms { get => ownTerms ?? Terms; init => ownTerms = value; }
    private readonly LexicalTerms? ownTerms;

    /// <summary>How many postings the seeker had acted on lent their titles' words to <see cref="Terms"/>.</summary>
    public int PastPostings { get; init; }

    /// <summary>
    /// Where else the seeker has shown they would work: the places of postings they acted on beyond their commute limit
    /// (at most <see cref="MaxShownPlaces"/>, the most recent first, one per ~5 km). Postings within a commute of one of
    /// them are within reach for the seeker's own list, after the nearer ones (nearness still counts), and say so
    /// (<see cref="Reach"/> basis "shown-reach"). Not a wider circle around home: someone who looked in Baotou from
    /// Hohhot has said nothing about Ulanqab.
    /// </summary>
    public IReadOnlyList<(double Latitude, double Longitude)> ShownPlaces { get; init; } = [];

    public const int MaxShownPlaces = 5;

    /// <summary>
    /// The seeker as retrieval queries them once they have acted on postings (applied, or viewed in an imported log):
    /// their own words, then the words of those postings' titles at <see cref="LexicalTerms.PastTitleWeight"/>. Two in
    /// three real seekers write nothing; what they opened is then the only text there is ("like the jobs you looked at").
    /// Concepts and everything else stay the seeker's own.
    /// </summary>
    public IndexedSeeker WithPastPostings(IReadOnlyCollection<IndexedPosting> past, ConceptVocabulary vocabulary)
    {
        if (past.Count == 0) return this;
        var words = new LexicalTerms.Builder(vocabulary.Terms).Add(OwnTerms);
        foreach (var posting in past) words.Add(TitleCleaner.Clean(posting.Snapshot.Title).Core, LexicalTerms.PastTitleWeight);
        return new IndexedSeeker
        {
            Snapshot = Snapshot, Skills = Skills, Occupations = Occupations, Education = Education, HasCoarseLocation = HasCoarseLocation,
            Terms = words.Build(), OwnTerms = OwnTerms, PastPostings = past.Count, ShownPlaces = PlacesBeyondCommute(past),
        };
    }

    private List<(double, double)> PlacesBeyondCommute(IEnumerable<IndexedPosting> past)
    {
        if (Snapshot is not { WillingToRelocate: false, Latitude: { } lat, Longitude: { } lon }) return [];
        var commute = Snapshot.MaxCommuteKm ?? Reach.DefaultCommuteKm;
        return past.Select(p => p.Snapshot).Where(p => p is { Latitude: not null, Longitude: not null })
            .Where(p => Matches.Geo.DistanceKm(lat, lon, p.Latitude!.Value, p.Longitude!.Value) > commute)
            .Select(p => (Math.Round(p.Latitude!.Value / 0.05) * 0.05, Math.Round(p.Longitude!.Value / 0.05) * 0.05))
            .Distinct().Take(MaxShownPlaces).ToList();
    }

    public static IndexedSeeker From(SeekerSnapshot seeker, ConceptVocabulary vocabulary)
    {
        var skills = vocabulary.Skills(seeker.Skills.Concat(seeker.SkillConcepts)).Select(skill => skill.Id).Distinct().Order().ToArray();
        var occupations = vocabulary.Occupations(seeker.DesiredOccupations, nationalCode: seeker.NationalOccupationCode);
        if (seeker.KeyGroups.Contains(SeekerKeyGroups.Veteran, StringComparer.Ordinal))
            occupations = [.. occupations.Concat(vocabulary.CivilianOccupations(seeker.DesiredOccupations)).Distinct()];
        var terms = new LexicalTerms.Builder(vocabulary.Terms)
            .Add(seeker.DesiredOccupations, LexicalTerms.TitleWeight)
            .Add(seeker.PastOccupations.Select(title => TitleCleaner.Clean(title).Core), LexicalTerms.SkillWeight)
            .Add(seeker.Skills, LexicalTerms.SkillWeight)
            .Add(seeker.Certificates, LexicalTerms.TextWeight)
            .Add(seeker.EducationField, LexicalTerms.TextWeight)
            .Build();
        return new IndexedSeeker
        {
            Snapshot = seeker, Skills = skills, Occupations = occupations, Education = EducationRanks.OfSeeker(seeker.EducationLevel),
            Terms = terms, OwnTerms = terms,
        };
    }
}

/// <summary>Education on one scale for postings (job-posting's names) and seekers (profile's names); Unknown when not given.</summary>
public enum EducationRank { Unknown = -1, None = 0, Primary = 1, JuniorSecondary = 2, SeniorSecondary = 3, JuniorCollege = 4, Bachelor = 5, Master = 6, Doctorate = 7 }

public static class EducationRanks
{
    public static EducationRank OfPosting(string? education) => education switch
    {
        "None" => EducationRank.None,
        "JuniorMiddle" => EducationRank.JuniorSecondary,
        "SeniorHigh" or "Vocational" => EducationRank.SeniorSecondary,
        "College" => EducationRank.JuniorCollege,
        "Bachelor" => EducationRank.Bachelor,
        "Master" => EducationRank.Master,
        "Doctorate" => EducationRank.Doctorate,
        _ => EducationRank.Unknown,
    };

    public static EducationRank OfSeeker(string? level) => level switch
    {
        "primary" => EducationRank.Primary,
        "junior-secondary" => EducationRank.JuniorSecondary,
        "senior-secondary" or "vocational" => EducationRank.SeniorSecondary,
        "junior-college" => EducationRank.JuniorCollege,
        "bachelor" => EducationRank.Bachelor,
        "master" => EducationRank.Master,
        "doctorate" => EducationRank.Doctorate,
        _ => EducationRank.Unknown,
    };
}
