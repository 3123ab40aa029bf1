using JobMatch.TextAnalysis;

namespace JobMatch.TextAnalysis.Tests;

public class TextAnalyzerTests
{
    [Fact]
    public void Chinese_is_cut_into_words_and_the_words_inside_them()
    {
        var terms = TextAnalyzer.Terms("招聘叉车司机和电焊工");

        Assert.Contains("叉车", terms);
        Assert.Contains("司机", terms);
        Assert.Contains("电焊工", terms);
        Assert.Contains("焊工", terms);   // search mode: the word inside 电焊工, so 焊工 finds it
        Assert.DoesNotContain("和", terms); // single characters are no index terms
    }

    [Theory]
    [InlineData("客服（某国企编）", "客服")]
    [InlineData("急招！高薪诚聘电焊工若干名", "诚聘")]
    [InlineData("外卖骑手，多劳多得", "外卖")]
    [InlineData("超市收银员", "收银员")]
    [InlineData("呼和浩特市赛罕区", "赛罕区")]
    public void Job_words_the_general_dictionary_splits_stay_whole(string text, string word) =>
        Assert.Contains(word, TextAnalyzer.Terms(text));

    [Fact]
    public void Domain_words_join_the_dictionary()
    {
        Assert.DoesNotContain("驼倌养殖", TextAnalyzer.Terms("招聘驼倌养殖工"));
        TextAnalyzer.AddWords(["驼倌养殖"]);
        Assert.Contains("驼倌养殖", TextAnalyzer.Terms("招聘驼倌养殖工"));
    }

    [Theory]
    [InlineData("welders", "weld")]
    [InlineData("welding", "weld")]
    [InlineData("Welder", "weld")]
    [InlineData("drivers", "drive")]
    [InlineData("driving", "drive")]
    [InlineData("teachers", "teach")]
    [InlineData("cleaning", "clean")]
    [InlineData("forklifts", "forklift")]
    [InlineData("cashiers", "cashier")]
    [InlineData("towers", "tower")] // not an agent noun: stays apart from "towing"
    public void English_words_are_stemmed_and_agent_nouns_fold_onto_their_verb(string word, string term) =>
        Assert.Equal([term], TextAnalyzer.Terms(word));

    [Fact]
    public void A_noisy_English_title_keeps_its_words()
    {
        var terms = TextAnalyzer.Terms("Forklift Drivers Needed!!!");

        Assert.Equal(["forklift", "drive", "need"], terms);
    }

    [Fact]
    public void Mixed_text_codes_and_numbers()
    {
        var terms = TextAnalyzer.Terms("Java开发工程师(J12930) 月薪8000 A2驾照");

        Assert.Contains("java", terms);
        Assert.Contains("开发", terms);
        Assert.Contains("工程师", terms);
        Assert.Contains("a2", terms);
        Assert.DoesNotContain("j12930", terms);
        Assert.DoesNotContain("8000", terms);
    }

    [Fact]
    public void Analysis_starts_from_the_clean_text() =>
        // A zero-width space inside 叉车 and full-width letters would otherwise make different terms.
        Assert.Equal(TextAnalyzer.Terms("叉车 java"), TextAnalyzer.Terms("叉\u200B车 ＪＡＶＡ"));

    [Theory]
    [InlineData("不会开叉车", "叉车")]
    [InlineData("无需经验", "经验")]
    [InlineData("经验不限", "经验")]
    [InlineData("没有焊工证", "焊工证")]
    [InlineData("no forklift experience", "forklift")]
    [InlineData("No forklift experience", "experi")]
    [InlineData("don't need a welding certificate", "weld")]
    public void Negated_words_do_not_count(string text, string term)
    {
        Assert.Contains(TextAnalyzer.Analyze(text), t => t.Term == term && t.Negated);
        Assert.DoesNotContain(term, TextAnalyzer.Terms(text));
    }

    [Theory]
    [InlineData("不会开叉车，会电焊", "电焊")]
    [InlineData("经验不限，有叉车证优先", "叉车证")]
    [InlineData("no experience needed, forklift licence a plus", "forklift")]
    [InlineData("not afraid of hard work but forklift certified", "forklift")]
    public void A_negation_ends_with_its_clause(string text, string term) =>
        Assert.Contains(term, TextAnalyzer.Terms(text));

    [Fact]
    public void Empty_and_punctuation_only_text_has_no_terms()
    {
        Assert.Empty(TextAnalyzer.Terms(null));
        Assert.Empty(TextAnalyzer.Terms("!!! ，。"));
    }
}
