using JobMatch.TextAnalysis;

namespace JobMatch.TextAnalysis.Tests;

public class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Corrector = new(["forklift", "driver", "accountant", "cashier", "electrician", "welder", "security", "nurse", "nursery"]);

    [Theory]
    [InlineData("forklfit", "forklift")]     // neighbours swapped
    [InlineData("acountant", "accountant")]  // a letter left out
    [InlineData("casheir", "cashier")]
    [InlineData("weldr", "welder")]
    [InlineData("electrican", "electrician")]
    [InlineData("securrity", "security")]    // a letter too many
    [InlineData("nurce", "nurse")]           // a letter wrong
    public void A_misspelled_word_becomes_the_known_word_one_edit_away(string typed, string known) =>
        Assert.Equal(known, Corrector.Correct(typed));

    [Theory]
    [InlineData("driver")]   // known
    [InlineData("cook")]     // nothing near
    [InlineData("nur")]      // too short to guess
    [InlineData("叉车司机")]  // not an English word
    [InlineData("drvre")]    // two edits in a short word
    public void Known_short_foreign_or_distant_words_are_left_alone(string typed) =>
        Assert.Null(Corrector.Correct(typed));

    [Fact]
    public void Long_words_may_be_two_edits_away() =>
        Assert.Equal("electrician", Corrector.Correct("electrcan"));
}
