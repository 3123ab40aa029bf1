using System.Globalization;
using System.Text.Unicode;
using Matching.Ranking.Native;
using static Matching.Ranking.Native.XGBoostNative;

namespace Matching.Ranking;

/// <summary>
/// A loaded XGBoost booster, immutable once constructed: nothing here trains, sets parameters or loads into a booster
/// that is serving, which is what keeps concurrent <see cref="Score"/> calls safe (XGBoost 1.7 predicts thread-safely;
/// it does not train or load thread-safely). Predicts with nthread=1: on two cores, request concurrency is the parallelism.
/// </summary>
public sealed class XGBoostRanker : IRanker, IDisposable
{
    // type 0 = the model's output; cache_id 0 is required for in-place prediction; strict_shape false gives one score per row.
    private static ReadOnlySpan<byte> PredictConfig =>
        "{\"type\":0,\"training\":false,\"iteration_begin\":0,\"iteration_end\":0,\"strict_shape\":false,\"cache_id\":0,\"missing\":NaN}\0"u8;

    private readonly BoosterHandle _booster;
    private readonly byte[] _model;
    // SafeHandle alone would keep accepting calls after Dispose for as long as calls overlap (its handle closes only
    // when the count of calls in flight reaches zero); this flag refuses new calls at once so the booster drains.
    private volatile bool _disposed;

    private XGBoostRanker(BoosterHandle booster, byte[] model, string version, int columns, IReadOnlyList<double> validationNdcg)
    {
        _booster = booster;
        _model = model;
        Version = version;
        Columns = columns;
        ValidationNdcg = validationNdcg;
    }

    public string Version { get; }

    public int Columns { get; }

    /// <summary>NDCG@k on the validation set after each round when the model was trained with one here; empty for a loaded model.</summary>
    public IReadOnlyList<double> ValidationNdcg { get; }

    /// <summary>Loads a model saved by <see cref="Save"/> (.ubj); checks that it was trained on <paramref name="columns"/> features.</summary>
    public static XGBoostRanker Load(byte[] model, string version, int columns) => Load(model, version, columns, []);

    internal static unsafe XGBoostRanker Load(byte[] model, string version, int columns, IReadOnlyList<double> validationNdcg)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (model.Length == 0)
            throw new ArgumentException("The model is empty.", nameof(model));
        XGBoostLibrary.EnsureAvailable();

        Check(XGBoosterCreate(null, 0, out var booster));
        try
        {
            fixed (byte* buffer = model)
                Check(XGBoosterLoadModelFromBuffer(booster, buffer, (ulong)model.Length));
            Check(XGBoosterSetParam(booster, "nthread", "1"));
            Check(XGBoosterGetNumFeature(booster, out var features));
            if (features != (ulong)columns)
                throw new ArgumentException($"The model was trained on {features} features, not {columns}.", nameof(columns));
            // Re-serialised here, before anyone can score with it, so Save never touches a serving booster and always gives .ubj.
            return new XGBoostRanker(booster, SaveUbj(booster), version, columns, validationNdcg);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>The model as universal binary JSON (.ubj), ready for the model store and <see cref="Load"/>.</summary>
    public byte[] Save()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_model.Clone();
    }

    /// <inheritdoc />
    public unsafe void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (features.Length != (long)rows * Columns)
            throw new ArgumentException($"Expected {rows} rows × {Columns} features = {(long)rows * Columns} values, got {features.Length}.", nameof(features));
        if (scores.Length < rows)
            throw new ArgumentException($"The score buffer holds {scores.Length} values, fewer than {rows} rows.", nameof(scores));
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (rows == 0)
            return;

        Span<byte> arrayInterface = stackalloc byte[160];
        var referenced = false;
        try
        {
            // Keeps the booster alive until the scores are copied: XGBoosterFree (a Dispose racing this call) frees the
            // buffers the result points into.
            _booster.DangerousAddRef(ref referenced);
            fixed (float* data = features)
            {
                // numpy's __array_interface__: address, read-only flag, shape, little-endian float32.
                if (!Utf8.TryWrite(arrayInterface, CultureInfo.InvariantCulture,
                        $"{{\"data\":[{(nuint)data},true],\"shape\":[{rows},{Columns}],\"typestr\":\"<f4\",\"version\":3}}\0", out _))
                    throw new InvalidOperationException("The array interface did not fit its buffer.");
                fixed (byte* values = arrayInterface)
                fixed (byte* config = PredictConfig)
                {
                    Check(XGBoosterPredictFromDense(_booster.DangerousGetHandle(), values, config, 0, out var shape, out var dimensions, out var result));
                    ulong length = 1;
                    for (ulong d = 0; d < dimensions; d++)
                        length *= shape[d];
                    if (length != (ulong)rows)
                        throw new XGBoostException($"XGBoost returned {length} scores for {rows} rows.");
                    // The result lives in a per-thread buffer that this thread's next call overwrites: copy it out now.
                    new ReadOnlySpan<float>(result, rows).CopyTo(scores);
                }
            }
        }
        finally
        {
            if (referenced)
                _booster.DangerousRelease();
        }
    }

    /// <summary>Frees the booster once the Score calls already under way have returned; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _booster.Dispose();
    }

    internal static unsafe byte[] SaveUbj(BoosterHandle booster)
    {
        Check(XGBoosterSaveModelToBuffer(booster, "{\"format\":\"ubj\"}", out var length, out var data));
        return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
    }
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
