using System.Diagnostics;
using System.Globalization;
using Matching.Api.Candidates;
using Matching.Ranking;
using Matching.Taxonomy;

namespace Matching.Evaluation;

/// <summary>
/// `Matching.Evaluation evaluate …`: the offline evaluation (docs/evaluation.md). Exit 0 when done, 2 on bad arguments
/// or a dataset that cannot be read (naming file, line and field), 3 when the counterfactual check found a changed list.
/// </summary>
public static class EvaluationCommand
{
    public const string Usage =
        """
        usage: evaluate synthetic --out DIR [--mode benchmark|realistic] [--shape market|log] [--seekers 2000] [--postings 8000] [--seed 7]
               evaluate run --data DIR [--out report.md] [--split 0.8] [--resamples 1000] [--trainer LightGbm|FastTree] [--trees N] [--leaves N]
               evaluate convert --interactions FILE --posting-titles FILE [--seeker-titles FILE] --out DIR
        """;

    public static Task<int> RunAsync(string[] args)
    {
        try
        {
            var options = Options(args.Skip(2));
            return Task.FromResult(args switch
            {
                ["evaluate", "synthetic", ..] => Synthetic(options),
                ["evaluate", "run", ..] => Run(options),
                ["evaluate", "convert", ..] => Convert(options),
                _ => Fail("unknown or missing subcommand"),
            });
        }
        catch (Exception exception) when (exception is DatasetException or ArgumentException or FormatException or InvalidDataException or IOException)
        {
            return Task.FromResult(Fail(exception.Message));
        }
    }

    private static int Synthetic(Dictionary<string, string> options)
    {
        var directory = Required(options, "out");
        var seekers = Int(options, "seekers", 2000);
        var postings = Int(options, "postings", 8000);
        var seed = Int(options, "seed", 7);
        var started = Stopwatch.GetTimestamp();
        var dataset = options.GetValueOrDefault("mode", "benchmark") switch
        {
            "benchmark" => SyntheticDataset.Generate(new ConceptVocabulary(SkillTaxonomy.Shared), seekers, postings, seed),
            "realistic" => RealisticDataset.Generate(SkillTaxonomy.Shared, seekers, postings, seed),
            var mode => throw new ArgumentException($"--mode is benchmark or realistic, not '{mode}'"),
        };
        dataset = options.GetValueOrDefault("shape", "market") switch
        {
            "market" => dataset,
            "log" => LogShape.Of(dataset, Path.Combine(directory, "log")),
            var shape => throw new ArgumentException($"--shape is market or log, not '{shape}'"),
        };
        dataset.Write(directory);
        Console.Error.WriteLine($"evaluate: wrote {dataset.Seekers.Count} seekers, {dataset.Postings.Count} postings and {dataset.Interactions.Count} interactions " +
            $"to {directory} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return 0;
    }

    private static int Run(Dictionary<string, string> options)
    {
        var directory = Required(options, "data");
        var started = Stopwatch.GetTimestamp();
        var dataset = EvaluationDataset.Read(directory);
        var work = Path.Combine(Path.GetTempPath(), $"jobmatch-evaluation-{Environment.ProcessId}");
        try
        {
            var variants = Counterfactual.Variants(dataset.Seekers, work);
            var evaluation = new EvaluationOptions
            {
                Split = options.TryGetValue("split", out var split) ? double.Parse(split, CultureInfo.InvariantCulture) : 0.8,
                Resamples = Int(options, "resamples", 1000),
                Ranking = new Matching.Api.Ranking.RankingOptions
                {
                    Trainer = options.TryGetValue("trainer", out var trainer)
                        ? Enum.TryParse<RankingTrainer>(trainer, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                            : throw new ArgumentException($"--trainer is LightGbm or FastTree, not '{trainer}'")
                        : RankingTrainer.LightGbm,
                    Trees = Int(options, "trees", new Matching.Api.Ranking.RankingOptions().Trees),
                    Leaves = Int(options, "leaves", new Matching.Api.Ranking.RankingOptions().Leaves),
                },
            };
            var result = OfflineEvaluation.Run(dataset, new ConceptVocabulary(SkillTaxonomy.Shared), evaluation, variants,
                message => Console.Error.WriteLine($"evaluate: {message} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)"));
            var report = EvaluationReport.Markdown(result, $"Offline evaluation of {Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/'))}");
            if (options.TryGetValue("out", out var output)) File.WriteAllText(output, report);
            else Console.Out.Write(report);
            Console.Error.WriteLine($"evaluate: done in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
            return result.Counterfactuals.Any(c => c.ListsChanged > 0) ? 3 : 0;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static int Convert(Dictionary<string, string> options)
    {
        var directory = Required(options, "out");
        var dataset = LogConverter.Convert(Required(options, "interactions"), Required(options, "posting-titles"), options.GetValueOrDefault("seeker-titles"));
        dataset.Write(directory);
        Console.Error.WriteLine($"evaluate: converted {dataset.Interactions.Count} interactions of {dataset.Seekers.Count} seekers on {dataset.Postings.Count} postings into {directory}");
        return 0;
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            if (!e.Current.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{e.Current}'");
            var name = e.Current[2..];
            if (!e.MoveNext()) throw new ArgumentException($"--{name} needs a value");
            options[name] = e.Current;
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"evaluate: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
