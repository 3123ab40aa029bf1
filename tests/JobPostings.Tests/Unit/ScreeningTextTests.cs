using JobPostings.Api.Screening;

namespace JobPostings.Tests.Unit;

/// <summary>How the rules read a posting: what is folded away, what is kept, and that flags quote the text as written.</summary>
public sealed class ScreeningTextTests
{
    [Theory]
    [InlineData("押\u200B金", "押金")]                 // zero-width space
    [InlineData("限\u2060男\u2060性", "限男性")]       // word joiner
    [InlineData("微\u00AD信", "微信")]                 // soft hyphen
    [InlineData("ＱＱ：３１４５", "qq:3145")]           // full width, lower case
    [InlineData("保證金、戶口、微信號、年齡35歲", "保证金、户口、微信号、年龄35岁")] // traditional forms of the rule vocabulary
    [InlineData("押 金 · 押-金 · 押·金 · 押 - 金", "押金押金押金押金")] // spacing and filler punctuation between Chinese characters
    [InlineData("W e C h a t, H-I-V, q.q", "wechat, hiv, qq")] // spelt-out Latin letters
    [InlineData("3 5岁", "35岁")]                       // spelt-out digits
    public void Disguises_fold_to_what_the_rules_are_written_for(string text, string folded) =>
        Assert.Equal(folded, ScreeningText.From(text).Folded);

    [Theory]
    [InlineData("男女不限,欢迎应届生。")]   // clause punctuation stays: it ends what a negation covers
    [InlineData("5-8年经验,月薪1.5万")]    // ranges and decimals are numbers, not spelt-out digits
    [InlineData("java 工程师 spark")]        // space between Latin and Chinese stays
    [InlineData("a plan b")]                 // one lone letter is a word
    public void Meaningful_punctuation_numbers_and_words_stay(string text) =>
        Assert.Equal(text, ScreeningText.From(text).Folded);

    [Fact]
    public void Lines_stay_lines_so_a_sentence_ends_at_a_line_break()
    {
        Assert.Equal("招聘电焊工\n男女不限", ScreeningText.From("招聘电焊工\r\n  男女不限  ").Folded);
    }

    [Fact]
    public void A_match_is_quoted_from_the_clean_text_as_written()
    {
        var text = ScreeningText.From("上岗前交押 金500元，保證金另收");

        var deposit = text.Folded.IndexOf("押金", StringComparison.Ordinal);
        var guarantee = text.Folded.IndexOf("保证金", StringComparison.Ordinal);

        Assert.Equal("押 金", text.Original(deposit, 2));
        Assert.Equal("保證金", text.Original(guarantee, 3));
    }

    [Fact]
    public void The_traditional_map_covers_every_chinese_character_of_the_rules()
    {
        var patterns = ScreeningRules.All.SelectMany(rule => rule.Patterns).Append(ScreeningRules.OfficialChannel.ToString());
        var used = patterns.SelectMany(pattern => pattern).Where(c => c is >= '\u3400' and <= '\u9fff').Distinct().ToList();

        var missing = used.Where(c => !TraditionalCharacters.Vocabulary.Contains(c, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0,
            $"Characters the rules use that traditional.tsv was not generated for: {string.Concat(missing)}. Run Screening/make_traditional_map.py.");
    }
}
