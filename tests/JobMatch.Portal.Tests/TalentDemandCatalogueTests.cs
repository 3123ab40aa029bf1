using System.Text;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;
using Portal.Pages.Caseworker;

namespace JobMatch.Portal.Tests;

/// <summary>The bureau's CSV layout of the talent-demand catalogue: columns, figures, quoting and the byte-order mark.</summary>
public sealed class TalentDemandCatalogueTests
{
    [Fact]
    public void The_bureau_csv_lists_code_name_vacancies_seekers_ratio_median_period_and_area_on_every_line()
    {
        var demand = new LabourDemand("150100", "2026-12", 11, 4,
        [
            new("6-18-02-04", "焊工", "Welder", 2, 6, 0, 2, 7000, 7500, 8000),
            new("4-02-02-02", "道路货运汽车驾驶员", "Lorry driver", 1, 4, 4, 1, 6000, 6000, 6000),
            new(null, null, null, 1, 1, 0, 0, null, null, null),
        ], 30, []);
        var supply = new LabourSupply("150100", "2026-12", 8,
        [
            new("4-02-02-02", "道路货运汽车驾驶员", "Lorry driver", 5),
            new("6-18-02-04", "焊工", "Welder", 1),
            new("4-03-02-01", "中式烹调师", "Chinese cook", 2), // sought, not asked for
        ], [], []);
        string[] header = ["职业代码", "职业名称", "需求人数", "求职人数", "求人倍率", "月薪中位数（元）", "统计期", "地区", "行政区划代码"];

        var lines = TalentDemandCatalogue.Lines(demand, supply, "zh", "未归类职业");
        var bytes = TalentDemandCatalogue.BureauCsv(lines, header, new ReportArea("2026-12", "呼和浩特市", "150100"));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
        [
            "职业代码,职业名称,需求人数,求职人数,求人倍率,月薪中位数（元）,统计期,地区,行政区划代码",
            "6-18-02-04,焊工,6,1,6,7500,2026-12,呼和浩特市,150100",
            "4-02-02-02,道路货运汽车驾驶员,4,5,0.8,6000,2026-12,呼和浩特市,150100",
            ",未归类职业,1,0,,,2026-12,呼和浩特市,150100",
            "4-03-02-01,中式烹调师,0,2,0,,2026-12,呼和浩特市,150100",
            "",
        ], Encoding.UTF8.GetString(bytes[3..]).Split("\r\n"));
    }

    [Fact]
    public void A_name_with_a_comma_is_quoted_and_english_names_are_used_in_english()
    {
        var demand = new LabourDemand("150200", "2026-11", 3, 0, [new("4", "社会生产服务和生活服务人员", "Production and everyday services, and related", 1, 3, 0, 0, null, null, null)], 30, [],
            "national", "majorGroup");
        var supply = new LabourSupply("150200", "2026-11", 0, [], [], []);

        var lines = TalentDemandCatalogue.Lines(demand, supply, "en", "Unclassified");
        var text = Encoding.UTF8.GetString(TalentDemandCatalogue.BureauCsv(lines, ["code", "name", "v", "s", "r", "m", "p", "a", "ac"],
            new ReportArea("2026-11", "Baotou", "150200"))[3..]);

        Assert.Equal("4,\"Production and everyday services, and related\",3,0,,,2026-11,Baotou,150200", text.Split("\r\n")[1]);
    }
}
