using JobMatch.TextAnalysis;

namespace JobMatch.TextAnalysis.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("押\u200B金", "押金")]            // zero-width space
    [InlineData("限\u2060男\u2060性", "限男性")]  // word joiner
    [InlineData("微\u00AD信", "微信")]            // soft hyphen
    [InlineData("\uFEFF招聘", "招聘")]            // byte-order mark
    [InlineData("押\u200D金\u200C", "押金")]      // zero-width joiner and non-joiner
    [InlineData("微\u202E信", "微信")]            // right-to-left override
    [InlineData("焊\uFE0F工", "焊工")]            // variation selector
    [InlineData("ＱＱ：１２３", "QQ:123")]         // full-width letters, digits and colon
    [InlineData("  叉车\t\n司机  ", "叉车 司机")]   // white space folded and trimmed
    [InlineData("a\u0000b", "a b")]                 // NUL is a separator, never kept
    [InlineData("Forklift\u3000Driver", "Forklift Driver")] // ideographic space
    public void Invisible_and_compatibility_characters_do_not_survive(string typed, string clean) =>
        Assert.Equal(clean, TextNormalizer.Clean(typed));

    [Fact]
    public void Case_and_punctuation_stay_as_typed_apart_from_width() =>
        // NFKC turns full-width brackets into ASCII ones; letters keep their case.
        Assert.Equal("Java 工程师(高级)!", TextNormalizer.Clean("Java 工程师（高级）！"));

    // Lone surrogates cannot pass through attribute metadata (they arrive as U+FFFD), so these strings are built here.
    private static readonly string LoneHigh = char.ConvertFromUtf32(0x1F477)[..1];
    private static readonly string LoneLow = char.ConvertFromUtf32(0x1F477)[1..];

    [Fact]
    public void A_lone_surrogate_is_dropped_from_the_clean_form() =>
        Assert.Equal("ab", TextNormalizer.Clean("a" + LoneHigh + "b"));

    private static readonly (string Text, int Index)[] ForbiddenTexts =
    [
        ("a\u0000b", 1), ("ok\u0007", 2), ("x" + LoneHigh, 1), (LoneLow + "x", 0), ("a\uFFFE", 1), ("\uFDD0", 0),
    ];

    [Fact]
    public void Forbidden_characters_are_found()
    {
        // One fact rather than a theory: xunit serialises theory rows, which would mangle the lone surrogates too.
        foreach (var (text, index) in ForbiddenTexts) Assert.Equal(index, TextNormalizer.FindForbidden(text));
    }

    [Theory]
    [InlineData("叉车司机\n电焊工\t\r")]
    [InlineData("emoji 👷 fine")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_is_not_forbidden(string? text) =>
        Assert.Equal(-1, TextNormalizer.FindForbidden(text));
}
