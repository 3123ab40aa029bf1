namespace Matching.Taxonomy.Tests;

public sealed class SuggestAndTextTests
{
    private static SkillTaxonomy T => Taxonomy.Shared;

    [Fact]
    public void Suggest_completes_Chinese_and_English_prefixes()
    {
        Assert.Contains(T.Suggest("叉车", ConceptKind.Occupation, 10), c => c.EscoUri == Uris.ForkliftOperator);
        Assert.Contains(T.Suggest("forkl", null, 10), c => c.EscoUri == Uris.ForkliftOperator);
        Assert.Equal(Uris.JavaScript, T.Suggest("javascript", ConceptKind.Skill, 5)[0].EscoUri);
    }

    [Fact]
    public void Suggest_respects_kind_and_limit_and_finds_words_inside_labels()
    {
        var skills = T.Suggest("weld", ConceptKind.Skill, 7);
        Assert.Equal(7, skills.Count);
        Assert.All(skills, c => Assert.Equal(ConceptKind.Skill, c.Kind));
        Assert.Equal(skills.Count, skills.Distinct().Count());
        Assert.Contains(T.Suggest("operator", ConceptKind.Occupation, 200), c => c.EscoUri == Uris.ForkliftOperator);
        Assert.Empty(T.Suggest("  ", null, 5));
        Assert.Empty(T.Suggest("weld", null, 0));
    }

    [Theory]
    [InlineData("Ｆｏｒｋｌｉｆｔ　Ｏｐｅｒａｔｏｒｓ", "forklift operator")]
    [InlineData("  Driver's   Licences ", "driver licence")]
    [InlineData("C++ / C#", "c++ c#")]
    [InlineData("Node.js", "node js")]
    [InlineData("companies, boxes, business, analysis, status", "company box business analysis status")]
    [InlineData("the art of cooking", "art of cooking")]
    [InlineData("C1 驾照", "c1驾照")]
    [InlineData("会 开 叉车！", "会开叉车")]
    [InlineData("ＰＬＣ编程", "plc编程")]
    public void Normalisation(string text, string expected) => Assert.Equal(expected, TaxonomyText.Normalize(text));
}
