namespace Matching.Taxonomy.Tests;

/// <summary>Every row of our own data files names a real concept of the right kind; bad rows fail loudly, by line.</summary>
public sealed class DataFileTests
{
    private static readonly TaxonomySource Embedded = TaxonomySource.FromResources();
    private static readonly IReadOnlyList<string> Errors = SkillTaxonomy.Validate(Embedded);

    [Theory]
    [InlineData(TaxonomySource.ZhOccupationsFile)]
    [InlineData(TaxonomySource.ZhSkillsFile)]
    [InlineData(TaxonomySource.AliasesFile)]
    [InlineData(TaxonomySource.MilitaryFile)]
    public void Every_row_resolves(string file)
    {
        var bad = Errors.Where(e => e.StartsWith(file, StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} bad row(s):\n{string.Join('\n', bad)}");
    }

    [Fact]
    public void The_compact_ESCO_files_are_consistent()
    {
        var bad = Errors.Where(e => e.StartsWith("esco/", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, string.Join('\n', bad));
    }

    [Theory]
    [InlineData(TaxonomySource.ZhOccupationsFile, ConceptKind.Occupation)]
    [InlineData(TaxonomySource.ZhSkillsFile, ConceptKind.Skill)]
    public void Every_Chinese_row_labels_a_concept_of_its_files_kind(string file, ConceptKind kind)
    {
        var text = file == TaxonomySource.ZhOccupationsFile ? Embedded.ZhOccupations : Embedded.ZhSkills;
        var errors = new List<string>();
        var rows = Tsv.Read(file, text, SkillTaxonomy.ZhHeader, 2, errors);
        Assert.Empty(errors);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var concept = Taxonomy.Shared.Find(row.Fields[0]);
            Assert.True(concept is not null && concept.Kind == kind, $"{file} line {row.Line}: {row.Fields[0]} is not an ESCO {kind}");
            Assert.Equal(row.Fields[1], concept!.LabelZh);
        }
    }

    [Fact]
    public void Every_military_specialty_maps_to_one_to_four_civilian_occupations()
    {
        Assert.InRange(Taxonomy.Shared.MilitaryOccupations.Count, 40, 60);
        Assert.All(Taxonomy.Shared.MilitaryOccupations, m =>
        {
            Assert.InRange(m.CivilianOccupationIds.Count, 1, 4);
            Assert.All(m.CivilianOccupationIds, id => Assert.Equal(ConceptKind.Occupation, Taxonomy.Shared[id].Kind));
        });
    }

    [Fact]
    public void A_malformed_row_or_a_missing_header_fails_loading_naming_the_line()
    {
        var zh = Header + "\n# a comment\n\n" + Uris.Welder + "\t焊工\t电焊工\tmetallurgy\textra\n";

        var noHeader = Uris.OperateForklift + "\t开叉车\t\t\n";

        var error = Assert.Throws<TaxonomyDataException>(() => SkillTaxonomy.Load(Embedded with { ZhOccupations = zh, ZhSkills = noHeader }));

        Assert.Contains("zh-occupations.tsv line 4: expected 2-4 tab-separated fields, found 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("zh-skills.tsv line 1: expected the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_URI_or_a_concept_of_the_wrong_kind_fails_loading()
    {
        var zh = Header + "\n"
            + "http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000\t不存在\t\tgeneral\n"
            + Uris.OperateForklift + "\t开叉车\t\tlogistics-driving\n";

        var errors = SkillTaxonomy.Validate(Embedded with { ZhOccupations = zh });

        Assert.Contains(errors, e => e.StartsWith("zh-occupations.tsv line 2: unknown ESCO URI", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("zh-occupations.tsv line 3:", StringComparison.Ordinal) && e.Contains("is not an ESCO occupation", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_sectors_duplicate_rows_bad_aliases_and_bad_military_rows_are_reported()
    {
        var zh = Header + "\n" + Uris.Welder + "\t焊工\t\tsteel\n" + Uris.Cook + "\t厨师\t\t\n" + Uris.Cook + "\t厨子\t\t\n";
        var aliases = SkillTaxonomy.AliasesHeader + "\nJS\thttp://data.europa.eu/esco/skill/nope\n";
        var military = SkillTaxonomy.MilitaryHeader + "\nM01\t炊事员\tcook\t" + Uris.JavaScript + "\n";

        var errors = SkillTaxonomy.Validate(Embedded with { ZhOccupations = zh, Aliases = aliases, MilitaryOccupations = military });

        Assert.Contains(errors, e => e.StartsWith("zh-occupations.tsv line 2: unknown sector \"steel\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("zh-occupations.tsv line 4:", StringComparison.Ordinal) && e.Contains("already has", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("aliases.tsv line 2: unknown ESCO URI", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("military-occupations.tsv line 2:", StringComparison.Ordinal) && e.Contains("not an ESCO occupation", StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_lines_CRLF_trailing_whitespace_and_missing_trailing_fields_are_accepted()
    {
        var zh = Header + "\r\n\r\n   \r\n" + Uris.Welder + "\t焊工  \t电焊工|烧焊的 \tmetallurgy \t\r\n" + Uris.Cook + "\t厨师\r\n";

        var taxonomy = SkillTaxonomy.Load(Embedded with { ZhOccupations = zh });

        var welder = taxonomy.Find("烧焊的");
        Assert.Equal(Uris.Welder, welder?.EscoUri);
        Assert.Equal("焊工", welder!.LabelZh);
        Assert.Equal("metallurgy", welder.Sector);
        Assert.Equal("厨师", taxonomy.Find(Uris.Cook)!.LabelZh);
    }

    private const string Header = SkillTaxonomy.ZhHeader;
}
