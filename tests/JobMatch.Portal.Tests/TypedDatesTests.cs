using Portal.Infrastructure;

namespace JobMatch.Portal.Tests;

/// <summary>Days as people type them where the browser shows no date picker are understood, or refused — never read as empty.</summary>
public sealed class TypedDatesTests
{
    [Theory]
    [InlineData("2025-06-30")]
    [InlineData("2025/6/30")]
    [InlineData("2025.6.30")]
    [InlineData("2025年6月30日")]
    [InlineData("２０２５年６月３０日")]
    [InlineData(" 2025 - 06 - 30 ")]
    public void Days_in_the_usual_ways_of_writing_them_are_understood(string typed) =>
        Assert.Equal((new DateOnly(2025, 6, 30), false), TypedDates.Day(typed));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_field_is_no_day_and_no_error(string? typed) => Assert.Equal((null, false), TypedDates.Day(typed));

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("去年六月")]
    [InlineData("30/06/2025")]
    [InlineData("0202-06-30")]
    public void Anything_else_is_refused(string typed) => Assert.Equal((null, true), TypedDates.Day(typed));
}
