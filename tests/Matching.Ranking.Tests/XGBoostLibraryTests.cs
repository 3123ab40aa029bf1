using Matching.Ranking;

namespace Matching.Ranking.Tests;

public sealed class XGBoostLibraryTests
{
    [Fact]
    public void The_installed_library_is_xgboost_1_7()
    {
        XGBoostLibrary.EnsureAvailable();

        Assert.True(XGBoostLibrary.IsAvailable);
        Assert.StartsWith("1.7.", XGBoostLibrary.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_that_cannot_be_loaded_names_the_debian_package_to_install()
    {
        // The real load path with names that do not exist; the process-wide resolver is left alone.
        var error = Assert.Throws<InvalidOperationException>(() =>
            XGBoostLibrary.EnsureAvailable(["libxgboost-missing.so.0", "/nonexistent/libxgboost.so"]));

        Assert.Contains("apt-get install libxgboost0", error.Message, StringComparison.Ordinal);
        Assert.Contains("libxgboost-missing.so.0", error.Message, StringComparison.Ordinal);
    }
}
