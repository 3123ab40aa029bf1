using JobPostings.Api.Postings;
using JobPostings.Api.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Issue 18 item 4: screening ran on the raw text, so a zero-width space (U+200B), word joiner (U+2060) or soft hyphen
/// (U+00AD) inside a term, full-width ＱＱ or traditional 保證金 published a deposit + men-only + WeChat-only posting
/// unflagged. Published here through the real service and database.
/// </summary>
public sealed class ScreeningEvasionTests : PostingsHost
{
    protected override bool HostPerTest => true; // judges or lists every posting stored

    [Fact]
    public async Task Terms_hidden_by_invisible_full_width_and_traditional_characters_are_flagged_when_published()
    {
        const string description =
            "招聘仓库装卸工，限\u2060男\u2060性。上岗前交押\u200B金500元，离职退还。有意者加微\u00AD信详聊，或加ＱＱ：３１４５９２６５３５。另收保證金1000元。";

        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("仓库装卸工", description));

        Assert.Equal(PostingStatus.NeedsReview, posting.Status);
        var flags = await Factory.Services.GetRequiredService<PostingStore>().FlagsAsync(posting.Id, default);
        // Each hidden term on its own, so one caught term cannot stand in for a missed one; matched text is the clean form.
        Assert.Contains(flags, flag => flag.Kind == ScreeningKinds.Gender && flag.MatchedText == "限男性");
        Assert.Contains(flags, flag => flag.Kind == ScreeningKinds.Fee && flag.MatchedText == "押金");
        Assert.Contains(flags, flag => flag.Kind == ScreeningKinds.Fee && flag.MatchedText == "保證金");
        Assert.Contains(flags, flag => flag.Kind == ScreeningKinds.PrivateContact && flag.MatchedText == "加微信");
        Assert.Contains(flags, flag => flag.Kind == ScreeningKinds.PrivateContact && flag.MatchedText.StartsWith("QQ", StringComparison.Ordinal));
    }
}
