using Matching.Api.Candidates;
using Matching.Api.Ranking;
using Matching.Api.ReadModel;

namespace Matching.Evaluation;

/// <summary>
/// Writes a <see cref="SyntheticMarket"/> out as an evaluation dataset with a timeline, so a split by time has something
/// to learn from and something to predict. Postings are published across <see cref="WindowDays"/> days and stay open
/// <see cref="OpenDays"/> days (a quarter close early). Each seeker starts looking on one day and acts, over the next
/// two weeks, on postings open that day. Demand is concentrated on a pool of occupations, as in a regional market, sampled from the graded truth: a posting of their own occupation within reach
/// (grade 3) is applied to most often and goes furthest (viewed, interview, offer, hired); a close occupation (2)
/// less often and less far; a related one (1) rarely, and is mostly rejected; and some seekers apply to one unrelated
/// posting, which is rejected. Deterministic for a seed.
/// </summary>
public static class SyntheticDataset
{
    public const int WindowDays = 180, OpenDays = 60;
    /// <summary>The end of the generated window: fixed, so a seed always gives the same files.</summary>
    public static readonly DateTime End = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    public static EvaluationDataset Generate(ConceptVocabulary vocabulary, int seekerCount, int postingCount, int seed)
    {
        var market = new SyntheticMarket(vocabulary.Taxonomy, seed, End);
        var random = new Random(seed ^ 0x5EED);
        var start = End.AddDays(-WindowDays);
        // A regional market is concentrated: a pool of occupations (about one per 25 postings) with Zipf-like demand.
        var pool = market.Occupations.OrderBy(_ => random.Next()).Take(Math.Clamp(postingCount / 25, 30, market.Occupations.Count)).ToArray();
        var cumulative = new double[pool.Length];
        for (var i = 0; i < pool.Length; i++) cumulative[i] = (i > 0 ? cumulative[i - 1] : 0) + 1.0 / (i + 1);
        var generatedPostings = Enumerable.Range(0, postingCount).Select(_ =>
        {
            var pick = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return market.Posting(pool[Math.Min(pick < 0 ? ~pick : pick, pool.Length - 1)]);
        }).ToList();
        var generatedSeekers = market.Seekers(seekerCount, generatedPostings);

        var postings = generatedPostings.Select(generated =>
        {
            var published = Second(start.AddMinutes(random.NextDouble() * (WindowDays - 5) * 1440));
            var validUntil = published.AddDays(OpenDays);
            DateTime? closed = random.NextDouble() < 0.25 ? Second(published.AddMinutes(random.NextDouble() * (OpenDays - 7) * 1440 + 7 * 1440)) : null;
            return (Generated: generated, Posting: new EvaluationPosting(Retimed(generated.Snapshot, published, validUntil, closed), generated.EmployerSize));
        }).ToList();
        var indexedPostings = postings.Select(p => IndexedPosting.From(p.Posting.Snapshot, vocabulary)).ToArray();

        // Postings by ISCO minor group (3 digits): grades 1–3 need at least that much in common.
        var byMinorGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < postings.Count; i++)
        {
            var minor = MinorGroup(vocabulary, postings[i].Generated.Occupation);
            if (minor is null) continue;
            if (!byMinorGroup.TryGetValue(minor, out var list)) byMinorGroup[minor] = list = [];
            list.Add(i);
        }

        var seekers = new List<EvaluationSeeker>(generatedSeekers.Count);
        var interactions = new List<Interaction>();
        foreach (var generated in generatedSeekers)
        {
            var snapshot = generated.Snapshot;
            seekers.Add(new EvaluationSeeker(snapshot, generated.Gender, generated.BirthYear));
            var indexedSeeker = IndexedSeeker.From(snapshot, vocabulary);
            var looking = Second(start.AddDays(20).AddMinutes(random.NextDouble() * (WindowDays - 30) * 1440));
            var graded = new List<(int Posting, int Grade)>();
            if (MinorGroup(vocabulary, generated.TrueOccupation) is { } minor && byMinorGroup.TryGetValue(minor, out var near))
            {
                foreach (var i in near)
                {
                    if (!OpenAt(postings[i].Posting.Snapshot, looking)) continue;
                    var grade = market.Grade(generated, postings[i].Generated, Reach.Of(indexedSeeker, indexedPostings[i]));
                    if (grade > 0) graded.Add((i, grade));
                }
            }
            var applied = graded.Where(g => random.NextDouble() < g.Grade switch { 3 => 0.8, 2 => 0.35, _ => 0.1 })
                .OrderByDescending(g => g.Grade).ThenBy(_ => random.Next()).Take(8).ToList();
            if (random.NextDouble() < 0.3)
            {
                var other = random.Next(postings.Count);
                if (OpenAt(postings[other].Posting.Snapshot, looking) && graded.All(g => g.Posting != other)) applied.Add((other, 0));
            }
            foreach (var (i, grade) in applied)
                interactions.AddRange(Journey(random, snapshot.SeekerId, postings[i].Posting.Snapshot, grade, looking));
        }
        return new EvaluationDataset(seekers, postings.Select(p => p.Posting).ToList(), [.. interactions.OrderBy(i => i.OccurredAt)]);
    }

    /// <summary>An application and what followed it, further the better the posting suits the seeker.</summary>
    private static IEnumerable<Interaction> Journey(Random random, Guid seekerId, PostingSnapshot posting, int grade, DateTime looking)
    {
        var closes = posting.ClosedAt ?? posting.ValidUntil ?? DateTime.MaxValue;
        var at = Second(looking.AddMinutes(random.NextDouble() * 14 * 1440));
        if (at >= closes) at = Second(looking.AddMinutes(random.NextDouble() * Math.Max(1, (closes - looking).TotalMinutes - 1)));
        yield return new Interaction(seekerId, posting.PostingId, "applied", 1, at);
        var (view, interview, offer, hire) = grade switch
        {
            3 => (0.9, 0.6, 0.6, 0.8),
            2 => (0.7, 0.3, 0.3, 0.6),
            1 => (0.5, 0.1, 0.2, 0.5),
            _ => (0.3, 0.0, 0.0, 0.0),
        };
        if (random.NextDouble() >= view) yield break;
        at = at.AddHours(random.Next(6, 96));
        yield return new Interaction(seekerId, posting.PostingId, "viewed", 1, at);
        if (random.NextDouble() >= interview)
        {
            if (random.NextDouble() < 0.7) yield return new Interaction(seekerId, posting.PostingId, "rejected", 0, at.AddHours(random.Next(6, 120)));
            yield break;
        }
        at = at.AddHours(random.Next(24, 240));
        yield return new Interaction(seekerId, posting.PostingId, "interview", 2, at);
        if (random.NextDouble() >= offer)
        {
            yield return new Interaction(seekerId, posting.PostingId, "rejected", 0, at.AddHours(random.Next(24, 168)));
            yield break;
        }
        at = at.AddHours(random.Next(24, 168));
        yield return new Interaction(seekerId, posting.PostingId, "offer", 3, at);
        if (random.NextDouble() < hire) yield return new Interaction(seekerId, posting.PostingId, "hired", 4, at.AddHours(random.Next(24, 336)));
    }

    public static bool OpenAt(PostingSnapshot posting, DateTime at) =>
        posting.PublishedAt <= at && (posting.ValidUntil is null || posting.ValidUntil > at) && (posting.ClosedAt is null || posting.ClosedAt > at);

    private static string? MinorGroup(ConceptVocabulary vocabulary, int occupation) =>
        vocabulary.Taxonomy[occupation].IscoCode is { Length: >= 3 } code ? code[..3] : null;

    private static DateTime Second(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    internal static PostingSnapshot Retimed(PostingSnapshot p, DateTime published, DateTime? validUntil, DateTime? closedAt) => new()
    {
        PostingId = p.PostingId, EmployerId = p.EmployerId, Title = p.Title, OccupationCode = p.OccupationCode, Skills = p.Skills,
        SkillKeys = p.SkillKeys, OptionalSkills = p.OptionalSkills, RegionCode = p.RegionCode, Latitude = p.Latitude, Longitude = p.Longitude,
        SalaryMin = p.SalaryMin, SalaryMax = p.SalaryMax, PublishedAt = published, ValidUntil = validUntil, EmploymentType = p.EmploymentType,
        KeyGroups = p.KeyGroups, ExperienceYears = p.ExperienceYears, Education = p.Education, ClosedAt = closedAt,
    };
}
