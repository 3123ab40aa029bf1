using System.Text.RegularExpressions;

namespace Matching.Taxonomy.Tests;

/// <summary>职业分类大典 2022 as loaded: the hierarchy, the validation of bad data, names, codes and suggestions.</summary>
public sealed class NationalClassificationTests
{
    private static NationalClassification Classification => NationalClassification.Shared;

    [Fact]
    public void Every_level_of_the_2022_classification_is_loaded()
    {
        Assert.Equal(8, Classification.CountOf(NationalLevel.MajorGroup));
        Assert.Equal(79, Classification.CountOf(NationalLevel.MiddleGroup));
        Assert.Equal(450, Classification.CountOf(NationalLevel.MinorGroup));
        Assert.Equal(1653, Classification.CountOf(NationalLevel.Occupation));
        Assert.Equal(2190, Classification.Codes.Count);
    }

    [Fact]
    public void The_hierarchy_is_complete_and_every_occupation_sits_under_a_minor_group()
    {
        var patterns = new Dictionary<NationalLevel, string>
        {
            [NationalLevel.MajorGroup] = @"^\d$", [NationalLevel.MiddleGroup] = @"^\d-\d{2}$",
            [NationalLevel.MinorGroup] = @"^\d-\d{2}-\d{2}$", [NationalLevel.Occupation] = @"^\d-\d{2}-\d{2}-\d{2}$",
        };
        foreach (var code in Classification.Codes)
        {
            Assert.Matches(patterns[code.Level], code.Code);
            Assert.False(string.IsNullOrWhiteSpace(code.Name));
            Assert.False(string.IsNullOrWhiteSpace(code.NameEn));
            if (code.Level == NationalLevel.MajorGroup)
            {
                Assert.Null(code.ParentCode);
                continue;
            }
            var parent = Classification.Find(code.ParentCode);
            Assert.NotNull(parent);
            Assert.Equal(code.Level - 1, parent.Level);
            Assert.StartsWith(parent.Code + "-", code.Code, StringComparison.Ordinal);
        }
        Assert.All(Classification.Occupations, o => Assert.Equal(NationalLevel.MinorGroup, Classification.Find(o.ParentCode)!.Level));
        // Only the residual 其他… minor groups are empty.
        Assert.All(Classification.Codes.Where(c => c.Level < NationalLevel.Occupation && Classification.ChildrenOf(c.Code).Count == 0),
            c => Assert.StartsWith("其他", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Occupations_carry_definitions_tasks_and_green_and_digital_marks()
    {
        var driver = Classification.Find("4-02-02-02")!;
        Assert.Equal("道路货运汽车驾驶员", driver.Name);
        Assert.Equal(NationalLevel.Occupation, driver.Level);
        Assert.Equal("4-02-02", driver.ParentCode);
        Assert.Contains("运输货物", driver.Definition, StringComparison.Ordinal);
        Assert.True(driver.Green);
        Assert.False(driver.Digital);
        Assert.Contains("货运司机", driver.RecruitingAliases);

        var bigData = Classification.Find("2-02-38-03")!;
        Assert.True(bigData.Digital);
        Assert.True(bigData.MainTasks.Count >= 3);
        Assert.All(bigData.MainTasks, task => Assert.DoesNotMatch(@"^\d", task));

        Assert.InRange(Classification.Occupations.Count(o => o.Green), 130, 140);
        Assert.InRange(Classification.Occupations.Count(o => o.Digital), 95, 105);
        Assert.True(Classification.Occupations.Count(o => o.Definition is not null) >= 1620);
    }

    [Theory]
    [InlineData("道路货运汽车驾驶员L,货运司机", "道路货运汽车驾驶员", new[] { "货运司机" })]
    [InlineData("自动化测试,PLC工程师,自动化,PLC,自动控制工程技术人员S", "自动控制工程技术人员", new[] { "PLC工程师" })]
    [InlineData("财务主管/总账主管,电路设计", "工商联负责人", new[] { "财务主管", "总账主管" })]
    [InlineData("", "焊工", new string[0])]
    public void Recruiting_aliases_keep_what_names_a_worker(string source, string name, string[] expected) =>
        Assert.Equal(expected, NationalClassification.RecruitingAliases(source, name));

    [Fact]
    public void A_repeated_code_stays_valid_but_reads_as_the_code_it_repeats()
    {
        var repeated = Classification.Find("2-07-10-01")!;
        Assert.Equal("2-07-11-01", repeated.SameAs);
        Assert.Equal("2-07-11-01", Classification.Canonical(repeated).Code);
        Assert.DoesNotContain(Classification.Suggest("社会工作者", 10), o => o.Code == "2-07-10-01");
    }

    [Theory]
    [InlineData("4-02-02-02", "4-02-02-02")]
    [InlineData("道路货运汽车驾驶员", "4-02-02-02")]
    [InlineData("货运司机", "4-02-02-02")]
    [InlineData("GIS工程师", "2-02-02-07")]
    [InlineData("lorry driver", "4-02-02-02")]
    [InlineData("road freight driver", "4-02-02-02")]
    [InlineData("起重装卸", "6-30-05-01")]
    [InlineData("software tester", "4-04-05-02")]
    public void Suggestions_find_occupations_by_code_name_alias_and_English_name(string typed, string code) =>
        Assert.Equal(code, Classification.Suggest(typed, 5)[0].Code);

    [Fact]
    public void A_code_prefix_suggests_the_codes_under_it_in_order()
    {
        var suggested = Classification.Suggest("4-02-02", 20).Select(o => o.Code).ToList();
        Assert.Equal("4-02-02", suggested[0]);
        Assert.Equal(["4-02-02-01", "4-02-02-02", "4-02-02-03"], suggested.Skip(1).Take(3));
        Assert.All(suggested, code => Assert.StartsWith("4-02-02", code, StringComparison.Ordinal));
    }

    [Fact]
    public void Words_of_a_definition_find_the_occupation_when_no_name_holds_them()
    {
        // "吊运" appears in no name or alias, only in the definitions of crane and hoisting occupations.
        var suggested = Classification.Suggest("吊运", 10);
        Assert.Contains(suggested, o => o.Code == "6-30-05-01");
        Assert.All(suggested, o => Assert.Contains("吊运", o.Definition + string.Concat(o.MainTasks), StringComparison.Ordinal));
    }

    [Fact]
    public void Free_text_names_occupations_by_code_and_name_but_not_when_denied()
    {
        Assert.Equal(["4-02-02-02", "6-18-02-04"], Classification.Extract("招聘道路货运汽车驾驶员和焊工，职业代码4-02-02-02").Select(o => o.Code).Order());
        Assert.Empty(Classification.Extract("没有焊工经验"));
        Assert.Empty(Classification.Extract("今天天气很好"));
    }

    [Fact]
    public void Unknown_codes_and_names_find_nothing()
    {
        Assert.Null(Classification.Find("4-02-02-99"));
        Assert.Null(Classification.Find(null));
        Assert.Null(Classification.FindByName("不存在的职业"));
        Assert.Empty(Classification.Suggest("   ", 10));
        Assert.True(NationalClassification.LooksLikeOccupationCode("9-99-99-99"));
        Assert.False(NationalClassification.LooksLikeOccupationCode("4-02-02"));
    }
}

/// <summary>Bad classification data fails loading with the file and line of each problem.</summary>
public sealed class NationalValidationTests
{
    private static readonly NationalSource Good = NationalSource.FromResources();

    private static NationalSource WithRows(string replace, string with) =>
        Good with { Classification = Good.Classification.Replace(replace, with, StringComparison.Ordinal) };

    [Fact]
    public void The_embedded_data_is_valid() => Assert.Empty(NationalClassification.Validate(Good));

    [Fact]
    public void A_malformed_code_is_reported_with_its_line()
    {
        var errors = NationalClassification.Validate(WithRows("\n4-02-02-02,细类", "\n4-02-02-2,细类"));
        Assert.Contains(errors, e => e.Contains("dadian2022.csv line", StringComparison.Ordinal) && e.Contains("\"4-02-02-2\" is not a well-formed 细类 code", StringComparison.Ordinal));
    }

    [Fact]
    public void An_occupation_under_a_missing_group_is_reported()
    {
        var errors = NationalClassification.Validate(WithRows("\n4-02-02,小类,4-02,", "\n4-02-02,小类,4-09,"));
        Assert.Contains(errors, e => e.Contains("4-02-02's parent is \"4-09\", expected \"4-02\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("4-02-02-02's parent 4-02-02 is not a 小类", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_left_empty_is_reported()
    {
        var noRailTransport = string.Join('\n', Good.Classification.Split('\n').Where(line => !line.StartsWith("4-02-01-", StringComparison.Ordinal)));
        var errors = NationalClassification.Validate(Good with { Classification = noRailTransport });
        Assert.Contains(errors, e => e.Contains("小类 4-02-01 轨道交通运输服务人员 has no 细类", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_English_name_or_crosswalk_row_is_reported()
    {
        var errors = NationalClassification.Validate(Good with
        {
            English = Good.English.Replace("\n4-02-02-02\t", "\n4-02-02-92\t", StringComparison.Ordinal),
            Crosswalk = Good.Crosswalk.Replace("\n6-18-02-04\t", "\n6-18-02-94\t", StringComparison.Ordinal),
        });
        Assert.Contains(errors, e => e.Contains("4-02-02-02 has no English name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("细类 6-18-02-04 has no row in dadian/crosswalk.tsv", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("6-18-02-94 is not a 细类", StringComparison.Ordinal));
        Assert.Throws<TaxonomyDataException>(() => NationalClassification.Load(Good with { English = "" }));
    }

    [Fact]
    public void Every_code_is_well_formed_in_the_source_file_itself()
    {
        var codes = Csv.Read(Good.Classification).Skip(1).Select(record => record.Fields[0]).ToList();
        Assert.Equal(2190, codes.Count);
        Assert.All(codes, code => Assert.Matches(new Regex(@"^\d(-\d{2}){0,3}$"), code));
    }
}
