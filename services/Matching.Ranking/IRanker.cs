namespace Matching.Ranking;

/// <summary>
/// A learned model that scores candidate rows; higher scores rank first. Implementations are safe for concurrent
/// <see cref="Score"/> calls and score a whole candidate set in one call (one batch), never row by row.
/// </summary>
public interface IRanker
{
    /// <summary>The model version (e.g. the model store's id), for logs and explanations.</summary>
    string Version { get; }

    /// <summary>Feature columns per row the model was trained on.</summary>
    int Columns { get; }

    /// <summary>
    /// Scores <paramref name="rows"/> rows of <see cref="Columns"/> features each (row-major, NaN = missing) into the first
    /// <paramref name="rows"/> elements of <paramref name="scores"/>. Throws <see cref="ArgumentException"/> when
    /// <paramref name="features"/> is not exactly rows × Columns long or <paramref name="scores"/> is shorter than rows.
    /// </summary>
    void Score(ReadOnlySpan<float> features, int rows, Span<float> scores);

    /// <summary>A score as a relevance in (0, 1), for explanations: the logistic of the score unless the model knows better.</summary>
    float Relevance(float score) => 1f / (1f + MathF.Exp(-score));
}

/// <summary>
/// The model currently serving, or none: "no model available" is a state callers check (and fall back to the
/// transparent scorer), not an exception.
/// </summary>
public sealed class RankerSlot
{
    private IRanker? _current;

    public IRanker? Current => Volatile.Read(ref _current);

    public bool TryGet([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRanker? ranker)
    {
        ranker = Volatile.Read(ref _current);
        return ranker is not null;
    }

    /// <summary>
    /// Makes <paramref name="ranker"/> the serving model (null: none) and returns the one it replaced. A request that
    /// took the old one a moment ago finishes with it: an <see cref="MlNetRanker"/> holds no native handle to free, so
    /// dropping the old one is all a swap needs.
    /// </summary>
    public IRanker? Publish(IRanker? ranker) => Interlocked.Exchange(ref _current, ranker);
}

/// <summary>Conveniences over <see cref="IRanker"/>.</summary>
public static class RankerExtensions
{
    /// <summary>Scores every row of a dataset (offline evaluation).</summary>
    public static float[] Score(this IRanker ranker, RankingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Columns != ranker.Columns)
            throw new ArgumentException($"The dataset has {dataset.Columns} columns; the model expects {ranker.Columns}.", nameof(dataset));
        var scores = new float[dataset.Rows];
        ranker.Score(dataset.Features, dataset.Rows, scores);
        return scores;
    }
}
