using JobMatch.TextAnalysis;
using JobPostings.Api.Screening;
using JobPostings.Tests.Screening;

namespace JobPostings.Tests.Unit;

/// <summary>Rules at their edges: what a rule must catch, and the lawful wording next to it that it must let through.</summary>
public sealed class ScreenerTests
{
    private static IReadOnlyList<ScreeningFlag> Screen(string description, decimal? salaryMin = 5000, string[]? skills = null, bool copies = false) =>
        Screener.Screen(new PostingContent("岗位", description, "4-02-06", skills ?? ["叉车驾驶"], 1, null, salaryMin, null), copies, TestMarket.For("4-02-06"));

    [Theory]
    [InlineData("限男性", "gender")]
    [InlineData("男性优先", "gender")]
    [InlineData("性别：女", "gender")]
    [InlineData("年龄35岁以下", "age")]
    [InlineData("年龄要求：20-30周岁", "age")]
    [InlineData("限汉族", "ethnicity")]
    [InlineData("限本地户籍", "household-registration")]
    [InlineData("已婚已育", "marital-status")]
    [InlineData("身高165cm以上", "appearance")]
    [InlineData("乙肝携带者勿扰", "health")]
    [InlineData("需交服装费200元", "fee")]
    [InlineData("培训费可办理分期贷款", "training-loan")]
    [InlineData("加微信详聊", "private-contact")]
    [InlineData("Male applicants only.", "gender")]
    [InlineData("Applicants must be aged 22 to 35.", "age")]
    [InlineData("Local hukou required.", "household-registration")]
    [InlineData("Hepatitis B carriers need not apply.", "health")]
    [InlineData("Pay a refundable deposit of 500 yuan.", "fee")]
    [InlineData("Contact via Telegram only.", "private-contact")]
    [InlineData("不招收某省籍人员。", "regional-origin")]
    [InlineData("东北人勿扰。", "regional-origin")]
    [InlineData("限本地户口。", "household-registration")]
    [InlineData("限985/211院校毕业生。", "school-tier")]
    [InlineData("只招汉族员工。", "ethnicity")]
    [InlineData("女士请勿投递。", "gender")]
    [InlineData("须为穆斯林。", "religion")]
    [InlineData("三年内无生育计划。", "marital-status")]
    [InlineData("高薪保录，名额有限。", "hype")]
    [InlineData("招转培，培训费从工资中扣除。", "training-loan")]
    [InlineData("The course fee is covered by a loan we arrange.", "training-loan")]
    [InlineData("手机兼职刷单，日结佣金。", "disguised-posting")]
    [InlineData("HIV检测阳性者不予录用。", "health")]
    public void A_problem_is_flagged_with_its_kind_and_matched_text(string text, string kind)
    {
        var flags = Screen(text);

        // Quoted as written, minus what Clean takes out (full-width punctuation comes back as ASCII).
        Assert.Contains(flags, flag => flag.Kind == kind && TextNormalizer.Clean(text).Contains(flag.MatchedText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("男女不限。")]
    [InlineData("不限性别，不限户籍。")]
    [InlineData("户籍不限。")]
    [InlineData("年满18周岁。")]
    [InlineData("16岁以下不招（禁止使用童工）。")]
    [InlineData("入职体检费由公司承担。")]
    [InlineData("公司不收取任何费用，不收押金。")]
    [InlineData("持健康证上岗。")]
    [InlineData("蒙汉兼通者优先。")]
    [InlineData("入职体检不含乙肝项目。")]
    [InlineData("可协助办理落户。")]
    [InlineData("加微信咨询，或致电 联系电话：0471-6512345。")]
    [InlineData("Applicants must be at least 18 years old.")]
    [InlineData("No fees are charged at any stage.")]
    [InlineData("We have over 40 staff with over 20 years of experience.")]
    [InlineData("Household registration is not required.")]
    [InlineData("Mongolian language skills preferred.")]
    [InlineData("男装专柜导购，有女装销售经验者优先。")]
    [InlineData("女子篮球队教练。")]
    [InlineData("能用蒙古语讲解者优先。")]
    [InlineData("退役军人优先。")]
    [InlineData("须持有效健康证。")]
    [InlineData("熟悉Hadoop、HDFS、Hive、Spark，会写HIVE SQL。")]
    [InlineData("Build pipelines with Hive, HiveQL and Spark on HDFS; archive old partitions.")]
    [InlineData("熟悉QQ邮箱和微信公众号运营。")]
    [InlineData("提供单身宿舍和夫妻房。")]
    [InlineData("入职携带身份证、户口本复印件。")]
    [InlineData("负责物业管理费收缴和投标保证金的缴纳与退还。")]
    public void Lawful_wording_is_not_flagged(string text)
    {
        Assert.Empty(Screen(text));
    }

    [Theory]
    [InlineData("年龄３５岁以下，日薪８００元。")]        // full width: NFKC makes them ASCII
    [InlineData("年龄٣٥岁以下，日薪٨٠٠元。")] // Arabic-Indic: matched by \d, left alone by NFKC
    public void Digits_of_other_scripts_are_screened_without_failing(string text)
    {
        Assert.Contains(Screen(text), flag => flag.Kind == ScreeningKinds.Age);
    }

    [Fact]
    public void Pay_far_above_the_market_with_no_requirements_is_flagged_but_not_with_requirements()
    {
        var lure = Screener.Screen(new PostingContent("打包员", "仓库打包。", "4-02-06", [], 0, null, 18000, 25000), false, TestMarket.For("4-02-06"));
        var skilled = Screener.Screen(new PostingContent("打包主管", "仓库打包。", "4-02-06", ["仓库管理"], 5, null, 18000, 25000), false, TestMarket.For("4-02-06"));

        Assert.Equal(["implausible-pay.market"], lure.Select(flag => flag.Rule));
        Assert.Empty(skilled);
    }

    [Fact]
    public void A_copy_of_another_employers_posting_is_flagged_as_a_duplicate()
    {
        Assert.Equal(["duplicate.other-employer"], Screen("仓库打包。", copies: true).Select(flag => flag.Rule));
    }

    [Fact]
    public void The_fingerprint_ignores_spacing_punctuation_and_case()
    {
        Assert.Equal(Screener.Fingerprint("Welder", "Shift work, Baotou."), Screener.Fingerprint("welder ", "Shift  work Baotou"));
        Assert.NotEqual(Screener.Fingerprint("Welder", "Shift work, Baotou."), Screener.Fingerprint("Welder", "Day work, Baotou."));
    }
}
