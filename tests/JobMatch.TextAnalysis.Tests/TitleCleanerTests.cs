using JobMatch.TextAnalysis;

namespace JobMatch.TextAnalysis.Tests;

public class TitleCleanerTests
{
    [Theory]
    [InlineData("急招！高薪诚聘电焊工若干名", "电焊工")]
    [InlineData("招聘叉车司机3人", "叉车司机")]
    [InlineData("大数据工程师(J12930)", "大数据工程师")]
    [InlineData("客服（某国企编）", "客服")]
    [InlineData("后端开发实习生 (Go/Python 方向)", "后端开发")]
    [InlineData("【急聘】包头-电工 月薪8000 包吃住", "电工")]
    [InlineData("内蒙古伊利实业集团股份有限公司招聘质检员", "质检员")]
    [InlineData("呼和浩特赛罕区保洁员 五险一金", "保洁员")]
    [InlineData("资深Java开发工程师", "Java开发工程师")]
    [InlineData("2025届应届生-管培生", "管培生")]
    [InlineData("Forklift Drivers Needed!!!", "Forklift Drivers")]
    [InlineData("Warehouse Associate (Seasonal)", "Warehouse Associate")]
    [InlineData("NOW HIRING: Cashier at Walmart", "Cashier")]
    [InlineData("Senior Software Engineer - $120k", "Software Engineer")]
    [InlineData("Part-Time Delivery Driver - Immediate Start!", "Delivery Driver")]
    public void What_names_the_job_stays(string title, string core) =>
        Assert.Equal(core, TitleCleaner.Clean(title).Core);

    [Fact]
    public void The_flags_keep_what_was_taken_off()
    {
        var intern = TitleCleaner.Clean("数据分析实习生");
        Assert.Equal("数据分析", intern.Core);
        Assert.True(intern.Internship);

        Assert.True(TitleCleaner.Clean("2025届应届毕业生 行政文员").Graduate);
        Assert.True(TitleCleaner.Clean("Warehouse Associate (Seasonal)").Seasonal);
        Assert.Equal("高级", TitleCleaner.Clean("高级会计").Grade);
        Assert.Equal("senior", TitleCleaner.Clean("Senior Accountant").Grade);
        Assert.False(TitleCleaner.Clean("会计").Internship);
    }

    [Fact]
    public void Separate_parts_are_kept_apart() =>
        Assert.Equal(["焊工", "电工"], TitleCleaner.Clean("焊工/电工").Parts);

    [Theory]
    [InlineData("招生干事")]   // 招 of 招生 is no hype
    [InlineData("社区工作者")] // 区 of 社区 is no place
    [InlineData("厂长")]
    [InlineData("急诊科护士")]
    [InlineData("编辑")]
    public void Words_that_only_look_like_noise_survive(string title) =>
        Assert.Equal(title, TitleCleaner.Clean(title).Core);

    [Fact]
    public void A_title_that_is_all_brackets_keeps_what_is_inside() =>
        Assert.Equal("焊工", TitleCleaner.Clean("【焊工】").Core);

    [Fact]
    public void Nothing_in_nothing_out() =>
        Assert.Same(CleanedTitle.Empty, TitleCleaner.Clean("  "));
}
