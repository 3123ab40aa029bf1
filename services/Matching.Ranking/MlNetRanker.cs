using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Matching.Ranking;

/// <summary>
/// A trained ML.NET ranking model (LightGBM or FastTree LambdaRank), immutable once loaded. <see cref="Score"/> runs
/// the model's <c>Transform</c> over the whole candidate set as one <see cref="IDataView"/> and reads the Score column
/// with a cursor of its own, so concurrent calls share nothing mutable (a <c>PredictionEngine</c>, which is not
/// thread-safe, is never used). The model is kept as the ML.NET zip it was loaded from, for the model store.
/// LambdaRank scores only order a list; their scale is arbitrary. So the zip also carries a Platt calibration
/// (<see cref="CalibrationEntry"/>: relevance = logistic(a × score + b), fitted on the training rows) that turns a
/// score into the relevance an explanation shows.
/// </summary>
public sealed class MlNetRanker : IRanker
{
    private const string ScoreColumn = "Score";
    /// <summary>An entry of our own in the model zip; ML.NET reads only its own entries and ignores it.</summary>
    public const string CalibrationEntry = "JobMatch/calibration.txt";
    private readonly ITransformer _model;
    private readonly byte[] _zip;
    private readonly (float A, float B) _calibration;

    private MlNetRanker(ITransformer model, byte[] zip, string version, int columns, (float A, float B) calibration)
    {
        _model = model;
        _zip = zip;
        _calibration = calibration;
        Version = version;
        Columns = columns;
    }

    /// <inheritdoc />
    public float Relevance(float score) => 1f / (1f + MathF.Exp(-(_calibration.A * score + _calibration.B)));

    public string Version { get; }

    public int Columns { get; }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/>; refuses one whose input is not a Features vector of
    /// <paramref name="columns"/> floats (<see cref="ArgumentException"/>) or bytes that are no ML.NET model
    /// (<see cref="InvalidDataException"/>, with ML.NET's reason inside).
    /// </summary>
    public static MlNetRanker Load(byte[] zip, string version, int columns)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (zip.Length == 0)
            throw new ArgumentException("The model is empty.", nameof(zip));

        var context = new MLContext();
        ITransformer model;
        DataViewSchema input;
        try
        {
            using var stream = new MemoryStream(zip, writable: false);
            model = context.Model.Load(stream, out input);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model {version} is not an ML.NET model that loads: {exception.Message}", exception);
        }
        var features = input.GetColumnOrNull(DenseRows.FeaturesColumn);
        if (features?.Type is not VectorDataViewType { Size: var size } || size != columns)
            throw new ArgumentException($"Model {version} was trained on {(features?.Type is VectorDataViewType v ? v.Size : 0)} features, not {columns}.", nameof(columns));
        if (model.GetOutputSchema(input).GetColumnOrNull(ScoreColumn) is null)
            throw new InvalidDataException($"Model {version} produces no {ScoreColumn} column: it is not a ranking model.");
        return new MlNetRanker(model, zip, version, columns, ReadCalibration(zip));
    }

    internal static MlNetRanker FromTrained(MLContext context, ITransformer model, string version, RankingDataset training)
    {
        using var stream = new MemoryStream();
        context.Model.Save(model, DenseRows.SchemaOf(training.Columns), stream);
        var uncalibrated = Load(stream.ToArray(), version, training.Columns);
        var (a, b) = Calibration.Fit(uncalibrated.Score(training), training.Labels);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry(CalibrationEntry).Open()))
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{a:R} {b:R}"));
        // Loaded back from its own bytes: the model that serves is exactly the one stored.
        return Load(stream.ToArray(), version, training.Columns);
    }

    private static (float, float) ReadCalibration(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        if (archive.GetEntry(CalibrationEntry) is not { } entry) return (1, 0);
        using var reader = new StreamReader(entry.Open());
        var parts = reader.ReadToEnd().Split(' ');
        return parts.Length == 2 && float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && float.IsFinite(a) && float.IsFinite(b)
            ? (a, b)
            : throw new InvalidDataException($"The model's {CalibrationEntry} is not two numbers.");
    }

    /// <summary>The model as an ML.NET zip, ready for the model store and <see cref="Load"/>.</summary>
    public byte[] Save() => (byte[])_zip.Clone();

    /// <inheritdoc />
    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (features.Length != (long)rows * Columns)
            throw new ArgumentException($"Expected {rows} rows × {Columns} features = {(long)rows * Columns} values, got {features.Length}.", nameof(features));
        if (scores.Length < rows)
            throw new ArgumentException($"The score buffer holds {scores.Length} values, fewer than {rows} rows.", nameof(scores));
        if (rows == 0)
            return;

        var buffer = ArrayPool<float>.Shared.Rent(features.Length);
        try
        {
            features.CopyTo(buffer);
            var scored = _model.Transform(new DenseRows(buffer, rows, Columns));
            var column = scored.Schema[ScoreColumn];
            using var cursor = scored.GetRowCursor([column]);
            var getter = cursor.GetGetter<float>(column);
            var score = 0f;
            var row = 0;
            while (cursor.MoveNext())
            {
                getter(ref score);
                scores[row++] = score;
            }
            if (row != rows)
                throw new InvalidOperationException($"The model returned {row} scores for {rows} rows.");
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
