using System.Globalization;
using System.Runtime.InteropServices;
using Matching.Ranking.Native;
using static Matching.Ranking.Native.XGBoostNative;

namespace Matching.Ranking;

/// <summary>Trains LambdaMART (XGBoost's rank:ndcg by default) on query-grouped rows.</summary>
public static class LambdaMartTrainer
{
    /// <summary>
    /// Trains for <see cref="LambdaMartOptions.Rounds"/> rounds and returns the model loaded the way it will be served
    /// (from its .ubj bytes, nthread=1). With <paramref name="validation"/>, NDCG@k on it after every round is in
    /// <see cref="XGBoostRanker.ValidationNdcg"/>.
    /// </summary>
    public static XGBoostRanker Train(RankingDataset training, LambdaMartOptions options, string version, RankingDataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        options.Validate();
        if (validation is not null && validation.Columns != training.Columns)
            throw new ArgumentException($"Validation has {validation.Columns} columns, training {training.Columns}.", nameof(validation));
        XGBoostLibrary.EnsureAvailable();

        using var trainMatrix = CreateMatrix(training);
        using var validationMatrix = validation is null ? null : CreateMatrix(validation);
        using var booster = CreateBooster(trainMatrix, validationMatrix);

        var invariant = CultureInfo.InvariantCulture;
        Check(XGBoosterSetParam(booster, "objective", options.Objective));
        Check(XGBoosterSetParam(booster, "eta", options.LearningRate.ToString("R", invariant)));
        Check(XGBoosterSetParam(booster, "max_depth", options.MaxDepth.ToString(invariant)));
        Check(XGBoosterSetParam(booster, "min_child_weight", options.MinChildWeight.ToString("R", invariant)));
        Check(XGBoosterSetParam(booster, "subsample", options.Subsample.ToString("R", invariant)));
        Check(XGBoosterSetParam(booster, "seed", options.Seed.ToString(invariant)));
        Check(XGBoosterSetParam(booster, "nthread", options.Threads.ToString(invariant)));
        Check(XGBoosterSetParam(booster, "eval_metric", string.Create(invariant, $"ndcg@{options.NdcgAt}")));
        Check(XGBoosterSetParam(booster, "tree_method", "hist"));

        var history = new List<double>(validationMatrix is null ? 0 : options.Rounds);
        for (var round = 0; round < options.Rounds; round++)
        {
            Check(XGBoosterUpdateOneIter(booster, round, trainMatrix));
            if (validationMatrix is not null)
                history.Add(Evaluate(booster, round, validationMatrix));
        }
        return XGBoostRanker.Load(XGBoostRanker.SaveUbj(booster), version, training.Columns, history);
    }

    private static unsafe DMatrixHandle CreateMatrix(RankingDataset dataset)
    {
        DMatrixHandle matrix;
        fixed (float* features = dataset.Features)
            Check(XGDMatrixCreateFromMat(features, (ulong)dataset.Rows, (ulong)dataset.Columns, float.NaN, out matrix));
        try
        {
            fixed (float* labels = dataset.Labels)
                Check(XGDMatrixSetFloatInfo(matrix, "label", labels, (ulong)dataset.Labels.Length));
            // "group" takes the size of each query (not offsets), as unsigned ints.
            var sizes = MemoryMarshal.Cast<int, uint>(dataset.GroupSizes.AsSpan());
            fixed (uint* groups = sizes)
                Check(XGDMatrixSetUIntInfo(matrix, "group", groups, (ulong)sizes.Length));
            return matrix;
        }
        catch
        {
            matrix.Dispose();
            throw;
        }
    }

    private static unsafe BoosterHandle CreateBooster(DMatrixHandle training, DMatrixHandle? validation)
    {
        // The matrices stay referenced (and undisposed) by the caller's using statements for as long as the booster trains.
        var handles = stackalloc nint[2];
        handles[0] = training.DangerousGetHandle();
        handles[1] = validation?.DangerousGetHandle() ?? 0;
        Check(XGBoosterCreate(handles, validation is null ? 1UL : 2UL, out var booster));
        return booster;
    }

    private static unsafe double Evaluate(BoosterHandle booster, int round, DMatrixHandle validation)
    {
        var handles = stackalloc nint[1];
        handles[0] = validation.DangerousGetHandle();
        fixed (byte* name = "validation\0"u8)
        {
            var names = stackalloc byte*[1];
            names[0] = name;
            Check(XGBoosterEvalOneIter(booster, round, handles, names, 1, out var result));
            // "[3]\tvalidation-ndcg@10:0.71234"
            var text = Marshal.PtrToStringUTF8((nint)result) ?? "";
            return double.Parse(text.AsSpan(text.LastIndexOf(':') + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
