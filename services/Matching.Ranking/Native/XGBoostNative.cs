using System.Runtime.InteropServices;

namespace Matching.Ranking.Native;

/// <summary>
/// The slice of XGBoost's C API (1.7, c_api.h) the ranker uses. "xgboost" is resolved to libxgboost.so.0 by
/// <see cref="XGBoostLibrary"/>; every function returning int returns 0 on success and -1 on failure, with the
/// reason in <see cref="XGBGetLastError"/> (thread-local), so call through <see cref="Check"/>.
/// </summary>
internal static unsafe partial class XGBoostNative
{
    internal const string Library = "xgboost";

    static XGBoostNative() => XGBoostLibrary.RegisterResolver();

    [LibraryImport(Library)]
    internal static partial nint XGBGetLastError();

    [LibraryImport(Library)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out DMatrixHandle matrix);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixFree(nint matrix);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(DMatrixHandle matrix, string field, float* values, ulong length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetUIntInfo(DMatrixHandle matrix, string field, uint* values, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGBoosterCreate(nint* matrices, ulong count, out BoosterHandle booster);

    [LibraryImport(Library)]
    internal static partial int XGBoosterFree(nint booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle booster, string name, string value);

    [LibraryImport(Library)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle booster, int iteration, DMatrixHandle training);

    [LibraryImport(Library)]
    internal static partial int XGBoosterEvalOneIter(BoosterHandle booster, int iteration, nint* matrices, byte** names, ulong count, out byte* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(BoosterHandle booster, string config, out ulong length, out byte* data);

    [LibraryImport(Library)]
    internal static partial int XGBoosterLoadModelFromBuffer(BoosterHandle booster, byte* buffer, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGBoosterGetNumFeature(BoosterHandle booster, out ulong features);

    /// <summary>
    /// In-place prediction: <paramref name="arrayInterface"/> and <paramref name="config"/> are NUL-terminated UTF-8 JSON.
    /// The shape and result buffers belong to the booster (one per calling thread), so the caller holds its own reference
    /// on the booster until it has copied them: a raw handle here, not a SafeHandle whose reference ends with the call.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int XGBoosterPredictFromDense(nint booster, byte* arrayInterface, byte* config, nint proxy,
        out ulong* shape, out ulong dimensions, out float* result);

    internal static void Check(int returnCode)
    {
        if (returnCode != 0)
            throw new XGBoostException(Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "XGBoost reported a failure without a message.");
    }
}

/// <summary>Owns a DMatrix; freed once, even if a caller forgets to dispose.</summary>
internal sealed class DMatrixHandle : SafeHandle
{
    public DMatrixHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}

/// <summary>
/// Owns a booster. SafeHandle reference counting means a Score call already under way when the ranker is disposed
/// (a hot swap) finishes on a live booster; the booster is freed when the last such call returns.
/// </summary>
internal sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
