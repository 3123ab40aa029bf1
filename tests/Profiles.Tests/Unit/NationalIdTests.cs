using JobMatch.ServiceDefaults.PersonalData;

namespace Profiles.Tests.Unit;

public sealed class NationalIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", "female")] // the standard's own example
    [InlineData("150203199001010010", "1990-01-01", "male")]
    public void A_published_example_number_is_valid_and_gives_birth_date_and_gender(string number, string born, string gender)
    {
        Assert.True(NationalId.TryParse(number, Today, out var id, out var error), error);

        Assert.Equal(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), id!.BirthDate);
        Assert.Equal(gender, id.Gender);
    }

    [Fact]
    public void A_lower_case_x_is_accepted_as_the_check_character()
    {
        Assert.True(NationalId.TryParse("11010519491231002x", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id!.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // check digit should be X
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949123100")]
    [InlineData("110105194913310029")] // month 13 (and the check digit computed for it below)
    [InlineData("")]
    public void A_number_with_a_wrong_check_digit_length_or_date_is_refused(string number)
    {
        Assert.False(NationalId.TryParse(number, Today, out _, out var error));
        Assert.NotNull(error);
        if (number.Length > 0) Assert.DoesNotContain(number, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_that_does_not_exist_is_refused_even_with_a_correct_check_digit()
    {
        var first17 = "15010219990230123"; // 30 February
        Assert.False(NationalId.TryParse(first17 + NationalId.CheckCharacterOf(first17), Today, out _, out var error));
        Assert.Contains("date of birth", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_digit_change_is_caught_by_the_check_digit()
    {
        const string valid = "11010519491231002X";
        for (var position = 0; position < 17; position++)
        {
            var digit = valid[position] == '9' ? '0' : (char)(valid[position] + 1);
            var changed = valid[..position] + digit + valid[(position + 1)..];
            Assert.False(NationalId.TryParse(changed, Today, out _, out _), $"change at {position} went unnoticed");
        }
    }

    [Fact]
    public void A_birth_date_before_1900_or_in_the_future_is_refused()
    {
        Assert.False(NationalId.TryParse("440524188001010014", Today, out _, out _)); // check digit right, born 1880
        var future = "15010220270101123";
        Assert.False(NationalId.TryParse(future + NationalId.CheckCharacterOf(future), Today, out _, out _));
    }

    [Fact]
    public void Masking_keeps_the_division_code_and_last_four()
    {
        Assert.Equal("150102********1234", NationalId.Mask("150102199001011234"));
    }

    [Fact]
    public void Test_numbers_made_by_the_helper_are_valid()
    {
        for (var i = 0; i < 50; i++) Assert.True(NationalId.TryParse(TestIds.Unique(i % 2 == 0), Today, out _, out var error), error);
    }
}
