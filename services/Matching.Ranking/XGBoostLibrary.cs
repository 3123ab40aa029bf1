using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Matching.Ranking.Native;

namespace Matching.Ranking;

/// <summary>
/// Finds XGBoost's native library. Debian's libxgboost0 installs only libxgboost.so.0 (the unversioned name comes with
/// libxgboost-dev), so the default probing for "xgboost" would miss it: the resolver tries the versioned name first.
/// </summary>
public static class XGBoostLibrary
{
    internal static readonly string[] DefaultCandidates = ["libxgboost.so.0", "libxgboost.so", "xgboost"];

    private static readonly Lazy<nint> Handle = new(() => TryLoad(DefaultCandidates));
    private static readonly Lazy<string> VersionText = new(ReadVersion);
    private static int _resolverRegistered;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the package to install when the library cannot be loaded.</summary>
    public static void EnsureAvailable()
    {
        if (Handle.Value == 0)
            throw new InvalidOperationException(MissingLibraryMessage(DefaultCandidates));
    }

    /// <summary>The loaded library's version, e.g. "1.7.4".</summary>
    public static string Version => VersionText.Value;

    /// <summary>True when the library loads; for health checks that report rather than throw.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    internal static void EnsureAvailable(IReadOnlyList<string> candidates)
    {
        if (TryLoad(candidates) == 0)
            throw new InvalidOperationException(MissingLibraryMessage(candidates));
    }

    internal static string MissingLibraryMessage(IReadOnlyList<string> candidates) =>
        "XGBoost's native library could not be loaded (tried " + string.Join(", ", candidates) + "). The learned ranker " +
        "needs XGBoost 1.7: on Debian 12 install it with `apt-get install libxgboost0`.";

    internal static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref _resolverRegistered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(XGBoostLibrary).Assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == XGBoostNative.Library ? Handle.Value : 0;

    private static nint TryLoad(IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
                return handle;
        }
        return 0;
    }

    private static string ReadVersion()
    {
        EnsureAvailable();
        XGBoostNative.XGBoostVersion(out var major, out var minor, out var patch);
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
    }
}
