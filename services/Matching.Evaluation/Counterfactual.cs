namespace Matching.Evaluation;

/// <summary>
/// The counterfactual check's inputs: every seeker with gender flipped and birth year moved 15 years later, and again
/// 15 years earlier — written to seekers.csv files and read back, so the changed records reach the ranking through the
/// same CSV → snapshot path as the originals. If anything protected leaked into matching, some result would change.
/// </summary>
public static class Counterfactual
{
    public const int YearShift = 15;

    public static List<CounterfactualVariant> Variants(IReadOnlyList<EvaluationSeeker> seekers, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var variants = new List<CounterfactualVariant>();
        foreach (var shift in new[] { YearShift, -YearShift })
        {
            var name = $"gender flipped, birth year {(shift > 0 ? "+" : "−")}{Math.Abs(shift)}";
            var path = Path.Combine(workDirectory, $"seekers-counterfactual{(shift > 0 ? "-later" : "-earlier")}.csv");
            EvaluationDataset.WriteSeekers(path, seekers.Select(seeker => seeker with { Gender = Flip(seeker.Gender), BirthYear = seeker.BirthYear + shift }));
            variants.Add(new CounterfactualVariant(name, EvaluationDataset.ReadSeekers(path).ToDictionary(s => s.Snapshot.SeekerId)));
        }
        return variants;
    }

    public static string Flip(string gender) => gender switch { "female" => "male", "male" => "female", _ => "female" };
}
