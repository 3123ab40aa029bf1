using System.Text.Json;
using JobMatch.Contracts;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Unit;

public sealed class NotificationTextTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(null, NotificationText.Chinese)]
    [InlineData("", NotificationText.Chinese)]
    [InlineData("zh-CN", NotificationText.Chinese)]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", NotificationText.Chinese)]
    [InlineData("fr-FR", NotificationText.Chinese)]
    [InlineData("en", NotificationText.English)]
    [InlineData("en-US,en;q=0.9", NotificationText.English)]
    [InlineData("EN-gb", NotificationText.English)]
    public void The_language_is_English_only_when_asked_for_first(string? requested, string language)
    {
        Assert.Equal(language, NotificationText.LanguageFrom(requested));
    }

    [Fact]
    public void New_matches_read_in_Chinese_with_every_title()
    {
        var data = JsonSerializer.Serialize(new[] { new MatchedPosting(Guid.NewGuid(), "焊工", 0.9), new MatchedPosting(Guid.NewGuid(), "叉车司机", 0.8) }, Json);

        var (title, body) = NotificationText.Render(NotificationKind.NewMatches, data, NotificationText.Chinese);

        Assert.Equal("有2个新岗位与您匹配", title);
        Assert.Equal("为您推荐：焊工、叉车司机", body);
    }

    [Fact]
    public void New_matches_read_in_English_singular_and_plural()
    {
        var one = JsonSerializer.Serialize(new[] { new MatchedPosting(Guid.NewGuid(), "Welder", 0.9) }, Json);
        var two = JsonSerializer.Serialize(new[] { new MatchedPosting(Guid.NewGuid(), "Welder", 0.9), new MatchedPosting(Guid.NewGuid(), "Driver", 0.5) }, Json);

        Assert.Equal(("1 new job matches your profile", "Recommended: Welder"), NotificationText.Render(NotificationKind.NewMatches, one, NotificationText.English));
        Assert.Equal(("2 new jobs match your profile", "Recommended: Welder, Driver"), NotificationText.Render(NotificationKind.NewMatches, two, NotificationText.English));
    }

    [Fact]
    public void An_unknown_kind_still_renders_a_title()
    {
        Assert.Equal("通知", NotificationText.Render("something-else", "{}", NotificationText.Chinese).Title);
        Assert.Equal("Notification", NotificationText.Render("something-else", "{}", NotificationText.English).Title);
    }
}
