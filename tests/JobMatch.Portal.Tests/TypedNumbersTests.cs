using Portal.Infrastructure;

namespace JobMatch.Portal.Tests;

/// <summary>Figures as people type them are understood, or refused — never read as empty.</summary>
public sealed class TypedNumbersTests
{
    [Theory]
    [InlineData("5000", 5000)]
    [InlineData("5千", 5000)]
    [InlineData("５千", 5000)]
    [InlineData("1.2万", 12000)]
    [InlineData("5k", 5000)]
    [InlineData("5,000元", 5000)]
    [InlineData("4500 元/月", 4500)]
    public void Amounts_with_multipliers_and_units_are_understood(string typed, int expected) =>
        Assert.Equal(((decimal)expected, false), TypedNumbers.Amount(typed));

    [Theory]
    [InlineData("30公里", 30)]
    [InlineData("30 km", 30)]
    [InlineData("3人", 3)]
    [InlineData("3 名", 3)]
    public void Whole_numbers_keep_their_unit_word(string typed, int expected) =>
        Assert.Equal((expected, false), TypedNumbers.Whole(typed));

    [Theory]
    [InlineData("5000-6000", 5000, 6000)]
    [InlineData("5千~6千", 5000, 6000)]
    [InlineData("5-6千", 5000, 6000)]
    [InlineData("5000至6000元", 5000, 6000)]
    [InlineData("5000以上", 5000, null)]
    [InlineData("5000+", 5000, null)]
    [InlineData("6000以下", null, 6000)]
    [InlineData("5000", 5000, null)]
    public void Pay_ranges_floors_and_ceilings_are_understood(string typed, int? low, int? high) =>
        Assert.Equal(((decimal?)low, (decimal?)high, false), TypedNumbers.Range(typed));

    [Theory]
    [InlineData("三个")]
    [InlineData("30里")]
    [InlineData("面议")]
    [InlineData("5000-6000")]
    [InlineData("3.5人")]
    public void Anything_else_is_refused_not_emptied(string typed)
    {
        Assert.True(TypedNumbers.Whole(typed).Error);
        Assert.Null(TypedNumbers.Whole(typed).Value);
    }

    [Fact]
    public void Empty_fields_are_empty_and_a_reversed_range_is_refused()
    {
        Assert.Equal((null, false), TypedNumbers.Amount("  "));
        Assert.True(TypedNumbers.Range("6000-5000").Error);
        Assert.True(TypedNumbers.Amount("5000-6000").Error);
    }
}
