using BenchmarkDotNet.Attributes;
using Matching.Api.Matches;
using Matching.Api.ReadModel;
using JobMatch.ServiceDefaults.Skills;

namespace JobMatch.Benchmarks;

/// <summary>
/// Scoring and ranking one seeker's candidates: the work behind every recommendations request and every
/// announcement after a profile change (Recommender.CandidateLimit candidates at most).
/// </summary>
[MemoryDiagnoser]
[InProcess] // the generated out-of-process project would miss the ASP.NET Core framework reference MassTransit needs
public class MatchScorerBenchmarks
{
    private static readonly string[] SkillPool = Enumerable.Range(0, 400).Select(i => $"技能{i}").ToArray();
    private SeekerSnapshot _seeker = null!;
    private PostingSnapshot[] _candidates = [];

    [Params(50, 2000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] Skills(int count) => Enumerable.Range(0, count).Select(_ => SkillPool[random.Next(SkillPool.Length)]).Distinct().ToArray();
        var seekerSkills = Skills(12);
        _seeker = new SeekerSnapshot
        {
            SeekerId = Guid.NewGuid(), Skills = seekerSkills, SkillKeys = SkillKey.NormalizeAll(seekerSkills),
            RegionCode = "150102", Latitude = 40.83, Longitude = 111.73, MaxCommuteKm = 50,
        };
        _candidates = Enumerable.Range(0, Candidates).Select(i =>
        {
            // Candidates share at least one skill with the seeker, as the read model's query guarantees.
            var skills = Skills(6).Append(seekerSkills[i % seekerSkills.Length]).Distinct().ToArray();
            return new PostingSnapshot
            {
                PostingId = Guid.NewGuid(), Title = $"岗位 {i}", Skills = skills, SkillKeys = SkillKey.NormalizeAll(skills),
                RegionCode = "150102", Latitude = 40.83 + random.NextDouble() * 0.6 - 0.3, Longitude = 111.73 + random.NextDouble() * 0.6 - 0.3,
                PublishedAt = DateTime.UtcNow.AddHours(-i),
            };
        }).ToArray();
    }

    [Benchmark]
    public int RankTop20() => MatchScorer.Rank(_seeker, _candidates, 20).Count;
}
