using JobPostings.Api.Search;

namespace JobPostings.Tests.Unit;

public sealed class SearchQueryTests
{
    private static SearchQuery Words(string q) => new(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    [Theory]
    [InlineData("叉车\0司机")]       // NUL
    [InlineData("welder\uD800")]    // a lone high surrogate
    [InlineData("\uDC00焊工")]       // a lone low surrogate
    [InlineData("焊工\uFFFD")]       // what a decoder leaves of broken UTF-8
    [InlineData("\"forklift driver")] // an unbalanced quote
    [InlineData("weld*")]
    [InlineData("title:welder")]
    [InlineData("(welder)")]
    [InlineData("[a TO b]")]
    [InlineData("{a}")]
    [InlineData("welder^2")]
    [InlineData("welder~")]
    [InlineData("weld\\er")]
    [InlineData("what?")]
    public void Search_text_a_search_engine_would_misread_is_refused_naming_q(string q) =>
        Assert.Equal(["q"], Words(q).Validate().Errors.Keys);

    [Theory]
    [InlineData("\"forklift driver\"")]  // quotes in pairs
    [InlineData("叉车司机（包吃住）")]     // full-width brackets are text
    [InlineData("C++ 开发")]
    [InlineData("包头 叉车司机")]
    public void Ordinary_search_text_is_accepted(string q) =>
        Assert.True(Words(q).Validate().IsValid);

    [Fact]
    public void Search_text_is_at_most_200_characters()
    {
        Assert.True(Words(new string('焊', 200)).Validate().IsValid);
        Assert.Equal(["q"], Words(new string('焊', 201)).Validate().Errors.Keys);
    }
}
