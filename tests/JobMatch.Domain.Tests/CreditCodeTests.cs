using JobMatch.Domain.Organisations;

namespace JobMatch.Domain.Tests;

public sealed class CreditCodeTests
{
    // Published codes of well-known companies (their licences are public), and Inner Mongolia-style codes whose check
    // character was computed by hand from the standard's weights.
    [Theory]
    [InlineData("91330100799655058B")]
    [InlineData("91440300708461136T")]
    [InlineData("914403001922038216")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91150100MA0N0ABC16")]
    [InlineData("92150203MA0Q1L2X5K")]
    public void Codes_with_the_right_check_character_are_valid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91330100799655058C")] // wrong check character
    [InlineData("91330100799655085B")] // two characters swapped
    [InlineData("91150100MA0N0ABC1")] // 17 characters
    [InlineData("91150100MA0N0ABC166")] // 19
    [InlineData("91150100MA0N0ABCI6")] // I is not in the alphabet
    [InlineData("9115O100MA0N0ABC16")] // a letter in the division
    [InlineData("")]
    [InlineData(null)]
    public void Mistyped_codes_are_invalid(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Every_single_character_change_is_caught()
    {
        const string code = "91150105MA13QW8K78";
        Assert.True(CreditCode.IsValid(code));
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var other in CreditCode.Alphabet.Where(c => c != code[i]))
                Assert.False(CreditCode.IsValid(code[..i] + other + code[(i + 1)..]), $"{code[..i]}{other}{code[(i + 1)..]}");
        }
    }

    [Fact]
    public void Spaces_and_lower_case_from_a_copied_licence_are_normalised() =>
        Assert.Equal("91330100799655058B", CreditCode.Normalise(" 9133 0100 7996 5505 8b "));

    [Fact]
    public void The_check_character_is_computed_from_the_first_seventeen() =>
        Assert.Equal('B', CreditCode.CheckCharacter("91330100799655058"));
}
