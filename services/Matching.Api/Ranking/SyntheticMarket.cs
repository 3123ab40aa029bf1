using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using Matching.Api.Candidates;
using Matching.Api.ReadModel;
using Matching.Taxonomy;

namespace Matching.Api.Ranking;

/// <summary>A generated seeker with what the ranker never sees: the occupation they really fit, and protected attributes for the counterfactual check.</summary>
public sealed record SyntheticSeeker(SeekerSnapshot Snapshot, int TrueOccupation, string Gender, int BirthYear);

public sealed record SyntheticPosting(PostingSnapshot Snapshot, int Occupation, string EmployerSize);

/// <summary>
/// A deterministic labour market built from ESCO: postings and seekers generated from occupations' essential skills,
/// with skills dropped and written as ESCO synonyms or in Chinese, placed at real Inner Mongolia seats (jittered a few km).
/// The truth is the occupation each was generated from: a posting is relevant to a seeker (grade 3) when it is of their
/// occupation and within reach, grade 2 when the occupation is a close one (same ISCO unit group), grade 1 when
/// related (same minor group), else 0. Used for the cold-start model and the synthetic benchmark.
/// </summary>
public sealed class SyntheticMarket
{
    private readonly SkillTaxonomy taxonomy;
    private readonly Random random;
    private readonly IReadOnlyList<Region> counties = InnerMongoliaRegions.Counties;
    private readonly Concept[] occupations;
    private readonly DateTime now;

    public SyntheticMarket(SkillTaxonomy taxonomy, int seed, DateTime now)
    {
        this.taxonomy = taxonomy;
        this.now = now;
        random = new Random(seed);
        // The region's labour market: occupations with Chinese labels, when the taxonomy has enough of them.
        var regional = taxonomy.Occupations.Where(o => o.LabelZh is not null && taxonomy.EssentialSkills(o.Id).Length >= 4).ToArray();
        occupations = regional.Length >= 50 ? regional : taxonomy.Occupations.Where(o => taxonomy.EssentialSkills(o.Id).Length >= 4).ToArray();
    }

    public IReadOnlyList<Concept> Occupations => occupations;

    public List<SyntheticPosting> Postings(int count) => Enumerable.Range(0, count).Select(_ => Posting(Pick(occupations))).ToList();

    /// <summary>Seekers, most of them of occupations that have postings (<paramref name="postings"/>), as in a real register.</summary>
    public List<SyntheticSeeker> Seekers(int count, IReadOnlyList<SyntheticPosting> postings) =>
        Enumerable.Range(0, count).Select(_ => Seeker(random.NextDouble() < 0.85 && postings.Count > 0
            ? taxonomy[Pick(postings).Occupation] : Pick(occupations))).ToList();

    public SyntheticPosting Posting(Concept occupation)
    {
        var essential = taxonomy.EssentialSkills(occupation.Id).ToArray();
        var optional = taxonomy.OptionalSkills(occupation.Id).ToArray();
        var county = Pick(counties);
        var (lat, lon) = Jitter(county);
        var published = now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(0, 1440));
        var salary = 3000 + 500 * random.Next(0, 12);
        var employmentType = random.NextDouble() switch { < 0.75 => "FullTime", < 0.83 => "PartTime", < 0.89 => "Internship", < 0.94 => "Grassroots", _ => "PublicWelfare" };
        var keyGroups = new List<string>();
        if (random.NextDouble() < 0.1) keyGroups.Add("VeteranPriority");
        if (random.NextDouble() < 0.1) keyGroups.Add("GraduateFriendly");
        if (random.NextDouble() < 0.1) keyGroups.Add("RuralFriendly");
        return new SyntheticPosting(new PostingSnapshot
        {
            PostingId = Guid(), EmployerId = Guid(), Title = random.NextDouble() < 0.5 && occupation.LabelZh is { } zh ? zh : occupation.Label,
            OccupationCode = random.NextDouble() < 0.6 ? occupation.IscoCode : null,
            Skills = Typed(Sample(essential, random.Next(3, Math.Min(8, essential.Length) + 1))),
            OptionalSkills = Typed(Sample(optional, Math.Min(optional.Length, random.Next(0, 4)))),
            RegionCode = county.Code, Latitude = lat, Longitude = lon,
            SalaryMin = salary, SalaryMax = salary + 1000 * random.Next(0, 4), PublishedAt = published, ValidUntil = published.AddDays(90),
            EmploymentType = employmentType, KeyGroups = [.. keyGroups], ExperienceYears = random.Next(0, 4), Education = Pick(PostingEducation),
        }, occupation.Id, random.NextDouble() < 0.7 ? "small" : random.NextDouble() < 0.7 ? "medium" : "large");
    }

    public SyntheticSeeker Seeker(Concept occupation)
    {
        var essential = taxonomy.EssentialSkills(occupation.Id).ToArray();
        // Some of the occupation's skills are missing from what people write down; some come from neighbouring work.
        var held = essential.Where(_ => random.NextDouble() < 0.7).ToList();
        if (held.Count == 0) held.Add(Pick(essential));
        var other = taxonomy[Pick(occupations).Id];
        held.AddRange(Sample(taxonomy.EssentialSkills(other.Id).ToArray(), 2));
        var county = random.NextDouble() < 0.7 ? Pick(counties) : Pick(counties.Where(c => c.ParentCode is "1501" or "1502" or "1504").ToList());
        var (lat, lon) = Jitter(county);
        var keyGroups = new List<string>();
        if (random.NextDouble() < 0.15) keyGroups.Add(SeekerKeyGroups.Graduate);
        if (random.NextDouble() < 0.08) keyGroups.Add(SeekerKeyGroups.Veteran);
        if (random.NextDouble() < 0.25) keyGroups.Add(SeekerKeyGroups.RuralWorker);
        if (random.NextDouble() < 0.1) keyGroups.Add(SeekerKeyGroups.EmploymentDifficulty);
        return new SyntheticSeeker(new SeekerSnapshot
        {
            SeekerId = Guid(), Skills = Typed(held.Distinct()), RegionCode = county.Code, Latitude = lat, Longitude = lon,
            MaxCommuteKm = random.Next(2, 9) * 10, WillingToRelocate = random.NextDouble() < 0.1, UpdatedAt = now.AddDays(-random.Next(0, 30)),
            DesiredOccupations = random.NextDouble() < 0.6 ? [random.NextDouble() < 0.5 && occupation.LabelZh is { } zh ? zh : occupation.Label] : [],
            SalaryExpectation = 3000 + 500 * random.Next(0, 10), YearsOfExperience = random.Next(0, 15),
            EducationLevel = Pick(SeekerEducation), EmploymentTypes = random.NextDouble() < 0.3 ? ["full-time"] : [],
            KeyGroups = [.. keyGroups], SharedWithEmployers = random.NextDouble() < 0.6,
        }, occupation.Id, random.NextDouble() < 0.5 ? "female" : "male", 1965 + random.Next(0, 42));
    }

    /// <summary>Graded relevance of a posting for a seeker, from the occupations they were generated from.</summary>
    public int Grade(SyntheticSeeker seeker, SyntheticPosting posting, Reach reach)
    {
        if (!reach.Reachable) return 0;
        if (seeker.TrueOccupation == posting.Occupation) return 3;
        var a = taxonomy[seeker.TrueOccupation].IscoCode ?? "";
        var b = taxonomy[posting.Occupation].IscoCode ?? "";
        if (a.Length >= 4 && b.Length >= 4 && a[..4] == b[..4]) return 2;
        if (a.Length >= 3 && b.Length >= 3 && a[..3] == b[..3]) return 1;
        return 0;
    }

    private string[] Typed(IEnumerable<int> skills) => skills.Select(id =>
    {
        var concept = taxonomy[id];
        var roll = random.NextDouble();
        if (roll < 0.3 && concept.LabelZh is { } zh) return zh;
        if (roll < 0.5 && Synonym(id) is { } synonym) return synonym;
        return concept.Label;
    }).Distinct().ToArray();

    /// <summary>An ESCO synonym of the skill that the taxonomy reads back as the same skill (as an employer might write it).</summary>
    private string? Synonym(int id)
    {
        var synonyms = taxonomy.Synonyms(id);
        if (synonyms.Count == 0) return null;
        var synonym = synonyms[random.Next(synonyms.Count)];
        return taxonomy.Find(synonym, ConceptKind.Skill)?.Id == id ? synonym : null;
    }

    private (double, double) Jitter(Region county) =>
        (Math.Round(county.Latitude + (random.NextDouble() - 0.5) * 0.1, 5), Math.Round(county.Longitude + (random.NextDouble() - 0.5) * 0.1, 5));

    private int[] Sample(int[] items, int count) => items.OrderBy(_ => random.Next()).Take(count).ToArray();

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static readonly string[] PostingEducation = ["None", "JuniorMiddle", "SeniorHigh", "Vocational", "College", "Bachelor"];
    private static readonly string[] SeekerEducation = ["junior-secondary", "senior-secondary", "vocational", "junior-college", "bachelor", "master"];
}
