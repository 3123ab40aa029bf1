namespace Matching.Taxonomy.Tests;

public sealed class FindTests
{
    private static SkillTaxonomy T => Taxonomy.Shared;

    [Theory]
    [InlineData("JS")]
    [InlineData("js")]
    [InlineData("JavaScript")]
    [InlineData("javascript")]
    [InlineData("Java Script")]
    [InlineData("ＪＳ")]            // full-width
    [InlineData("  JavaScripts ")] // ESCO altLabel, plural, padding
    public void JavaScript_by_any_name(string typed) => Assert.Equal(Uris.JavaScript, T.Find(typed)?.EscoUri);

    [Fact]
    public void Forklift_operator_by_its_Chinese_name()
    {
        var concept = T.Find("叉车司机");
        Assert.Equal(Uris.ForkliftOperator, concept?.EscoUri);
        Assert.Equal("forklift operator", concept!.Label);
        Assert.Equal("8344.1", concept.IscoCode);
    }

    [Theory]
    [InlineData("wire drawer", "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84")] // metal drawing machine operator
    [InlineData("head of technical", Uris.TechnicalDirector)]
    [InlineData("Heads of Technical", Uris.TechnicalDirector)]
    [InlineData("drive a forklift", Uris.OperateForklift)]
    [InlineData("C Sharp", Uris.CSharp)]
    [InlineData("C#", Uris.CSharp)]
    [InlineData("Ｃ＃", Uris.CSharp)]
    [InlineData("lorry driver", Uris.CargoVehicleDriver)]
    public void English_synonyms_find_their_concept(string typed, string uri) => Assert.Equal(uri, T.Find(typed)?.EscoUri);

    [Theory]
    [InlineData("Excel", Uris.Spreadsheets)]
    [InlineData("PLC", Uris.Plc)]
    [InlineData("C1驾照", Uris.DriveVehicles)]
    [InlineData("C1 驾照", Uris.DriveVehicles)]
    [InlineData("驾照", Uris.DriveVehicles)]
    [InlineData("Python", Uris.Python)]
    public void Aliases_find_their_concept(string typed, string uri) => Assert.Equal(uri, T.Find(typed)?.EscoUri);

    [Fact]
    public void An_alias_naming_an_occupation_and_a_skill_is_found_by_kind()
    {
        Assert.Equal(Uris.Electrician, T.Find("电工证", ConceptKind.Occupation)?.EscoUri);
        Assert.Equal(ConceptKind.Skill, T.Find("电工证", ConceptKind.Skill)?.Kind);
        Assert.Equal(Uris.OperateWeldingEquipment, T.Find("焊工证", ConceptKind.Skill)?.EscoUri);
    }

    [Fact]
    public void Kind_filters_and_unknown_text_finds_nothing()
    {
        Assert.Null(T.Find("JavaScript", ConceptKind.Occupation));
        Assert.Null(T.Find("no such thing at all"));
        Assert.Null(T.Find(""));
        Assert.Null(T.Find("   ,.;  "));
    }
}
