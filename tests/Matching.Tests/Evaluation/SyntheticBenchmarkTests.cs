using Matching.Api.Candidates;
using Matching.Api.ReadModel;
using Matching.Evaluation;
using Matching.Taxonomy;

namespace Matching.Tests.Evaluation;

/// <summary>
/// THE synthetic benchmark, small: a deterministic ESCO market written to CSV, read back, and evaluated end to end
/// (time split, replayed candidate index, MatchRanker with the cold-start model, baselines, counterfactual check).
/// </summary>
public sealed class SyntheticBenchmarkTests(SyntheticBenchmarkTests.Benchmark benchmark) : IClassFixture<SyntheticBenchmarkTests.Benchmark>
{
    public const int Seekers = 2000, Postings = 5000, Seed = 7;
    /// <summary>Measured 0.797 [0.742, 0.848] (Recall@50 of the cold-start pipeline on this market, 191 test seekers); the floor sits
    /// below the interval with room for model and data changes, and far above the baselines (popularity 0.10, text 0.43).</summary>
    public const double RecallAt50Floor = 0.65;

    public sealed class Benchmark : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), $"evaluation-benchmark-{Guid.NewGuid():N}");

        public Benchmark()
        {
            var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
            SyntheticDataset.Generate(vocabulary, Seekers, Postings, Seed).Write(directory);
            var dataset = EvaluationDataset.Read(directory);
            var variants = Counterfactual.Variants(dataset.Seekers, Path.Combine(directory, "counterfactual"));
            // A control that must change results, so the check is shown able to fail: every seeker loses half their skills.
            variants.Add(new CounterfactualVariant(Control, dataset.Seekers.ToDictionary(s => s.Snapshot.SeekerId,
                s => s with { Snapshot = WithSkills(s.Snapshot, s.Snapshot.Skills[..(s.Snapshot.Skills.Length / 2)]) })));
            Result = OfflineEvaluation.Run(dataset, vocabulary, new EvaluationOptions { Resamples = 300 }, variants);
            Report = EvaluationReport.Markdown(Result);
        }

        public const string Control = "control: half the skills removed";
        public EvaluationResult Result { get; }
        public string Report { get; }

        public void Dispose()
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }

        private static SeekerSnapshot WithSkills(SeekerSnapshot s, string[] skills) => new()
        {
            SeekerId = s.SeekerId, Skills = skills, RegionCode = s.RegionCode, Latitude = s.Latitude, Longitude = s.Longitude,
            MaxCommuteKm = s.MaxCommuteKm, WillingToRelocate = s.WillingToRelocate, UpdatedAt = s.UpdatedAt, EducationLevel = s.EducationLevel,
            YearsOfExperience = s.YearsOfExperience, DesiredOccupations = s.DesiredOccupations, SalaryExpectation = s.SalaryExpectation,
            EmploymentTypes = s.EmploymentTypes, KeyGroups = s.KeyGroups, SharedWithEmployers = s.SharedWithEmployers,
        };
    }

    [Fact]
    public void The_learned_ranker_finds_at_least_the_floor_of_relevant_postings_in_its_top_50()
    {
        var recall = benchmark.Result.System(OfflineEvaluation.ColdStart).Metrics["Recall@50"];

        Assert.True(benchmark.Result.Split.Queries.Count >= 100, $"only {benchmark.Result.Split.Queries.Count} test seekers");
        Assert.True(recall.Mean >= RecallAt50Floor, $"Recall@50 {recall.Mean:F3} below the floor {RecallAt50Floor}\n{benchmark.Report}");
    }

    [Fact]
    public void The_learned_ranker_beats_popularity_on_NDCG_at_10()
    {
        var learned = benchmark.Result.System(OfflineEvaluation.ColdStart).Metrics["NDCG@10"];
        var popularity = benchmark.Result.System(OfflineEvaluation.Popularity).Metrics["NDCG@10"];

        Assert.True(learned.Lower > popularity.Upper, $"learned {learned} vs popularity {popularity}\n{benchmark.Report}");
    }

    [Fact]
    public void The_learned_ranker_beats_text_similarity_and_no_learned_system_falls_below_the_transparent_fit_by_much()
    {
        var ndcg = benchmark.Result.Systems.ToDictionary(s => s.Name, s => s.Metrics["NDCG@10"]);

        Assert.True(ndcg[OfflineEvaluation.ColdStart].Mean > ndcg[OfflineEvaluation.Text].Mean, benchmark.Report);
        Assert.True(ndcg[OfflineEvaluation.ColdStart].Mean > ndcg[OfflineEvaluation.Transparent].Mean - 0.05, benchmark.Report);
    }

    [Fact]
    public void Flipping_gender_and_shifting_birth_year_changes_no_result_list()
    {
        var checks = benchmark.Result.Counterfactuals.Where(c => c.Variant != Benchmark.Control).ToList();

        Assert.Equal(4, checks.Count); // two variants × two learned pipelines
        Assert.All(checks, check =>
        {
            Assert.Equal(check.Seekers, check.AttributesChanged); // every test seeker's protected attributes really were changed
            Assert.Equal(0, check.ListsChanged);
        });
    }

    [Fact]
    public void The_counterfactual_check_does_notice_a_change_that_matters()
    {
        var control = benchmark.Result.Counterfactuals.Where(c => c.Variant == Benchmark.Control).ToList();

        Assert.NotEmpty(control);
        Assert.All(control, check => Assert.True(check.ListsChanged > check.Seekers / 2, $"{check.ListsChanged} of {check.Seekers}"));
    }

    [Fact]
    public void The_fairness_report_covers_every_key_group_and_both_region_types()
    {
        Assert.Equal(OfflineEvaluation.GroupNames, benchmark.Result.Groups.Select(g => g.Group));
        Assert.Contains(benchmark.Result.Exposure, e => e is { Dimension: "region type", Value: "city" });
        Assert.Contains(benchmark.Result.Exposure, e => e is { Dimension: "region type", Value: "banner-county" });
        Assert.Equal(1, benchmark.Result.Exposure.Where(e => e.Dimension == "region type").Sum(e => e.ActiveShare), 6);
        Assert.Contains("| none |", benchmark.Report, StringComparison.Ordinal);
    }
}
