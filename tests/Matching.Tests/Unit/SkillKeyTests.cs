using JobMatch.ServiceDefaults.Skills;
using Matching.Api.ReadModel;

namespace Matching.Tests.Unit;

public sealed class SkillKeyTests
{
    [Theory]
    [InlineData("Ｊａｖａ", "java")]
    [InlineData("ＪＡＶＡ", "java")]
    [InlineData("Ｃ＃", "c#")]
    [InlineData("Forklift Driving", "forklift driving")]
    [InlineData("  forklift   driving  ", "forklift driving")]
    [InlineData("forklift\tdriving", "forklift driving")]
    [InlineData("ｆｏｒｋｌｉｆｔ　ｄｒｉｖｉｎｇ", "forklift driving")] // full-width letters and an ideographic space
    [InlineData("电焊", "电焊")]
    public void Skills_are_compared_in_NFKC_lower_case_with_single_spaces(string skill, string key)
    {
        Assert.Equal(key, SkillKey.Normalize(skill));
    }

    [Fact]
    public void Normalising_a_list_drops_blanks_and_spellings_of_the_same_skill()
    {
        Assert.Equal(["welding", "driving"], SkillKey.NormalizeAll(["Welding", "  ", "Ｗｅｌｄｉｎｇ", "driving", "DRIVING"]));
    }
}
