using System.Diagnostics;
using Matching.Api.Candidates;
using Matching.Evaluation;
using Matching.Taxonomy;

namespace Matching.Tests.Evaluation;

/// <summary>
/// A dataset the evaluation cannot read stops it with exit code 2 and a message naming the file, the line and the
/// field — run as the real command line, in its own process, so the exit code is the one a script sees.
/// </summary>
public sealed class DatasetErrorTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"evaluation-errors-{Guid.NewGuid():N}");

    public DatasetErrorTests() =>
        SyntheticDataset.Generate(new ConceptVocabulary(SkillTaxonomy.Shared), 300, 600, seed: 5).Write(directory);

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_malformed_row_names_its_file_line_and_field()
    {
        var lines = File.ReadAllLines(Path.Combine(directory, EvaluationDataset.PostingsFile));
        lines[2] = "not-a-guid" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllLines(Path.Combine(directory, EvaluationDataset.PostingsFile), lines);

        var (exit, error) = await EvaluateAsync();

        Assert.Equal(2, exit);
        Assert.Contains("postings.csv line 3, field posting_id: 'not-a-guid' is not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_column_is_named_on_line_1()
    {
        var path = Path.Combine(directory, EvaluationDataset.InteractionsFile);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, [lines[0] + ",colour", .. lines[1..].Select(line => line + ",blue")]);

        var (exit, error) = await EvaluateAsync();

        Assert.Equal(2, exit);
        Assert.Contains("interactions.csv line 1, field colour: unknown column", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_named()
    {
        File.WriteAllText(Path.Combine(directory, EvaluationDataset.SeekersFile), "");

        var (exit, error) = await EvaluateAsync();

        Assert.Equal(2, exit);
        Assert.Contains("seekers.csv line 1: the file is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_untouched_dataset_is_read_without_an_error()
    {
        // The control: the same files unchanged get past reading (and the tiny market then evaluates or says why not).
        var (exit, error) = await EvaluateAsync();

        Assert.DoesNotContain(" line ", error, StringComparison.Ordinal);
        Assert.NotEqual(2, exit);
    }

    private async Task<(int Exit, string Error)> EvaluateAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(EvaluationCommand).Assembly.Location, "evaluate", "run", "--data", directory, "--out", Path.Combine(directory, "report.md"), "--resamples", "50" },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error + await output);
    }
}
