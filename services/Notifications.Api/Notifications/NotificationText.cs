using System.Globalization;
using System.Text.Json;
using JobMatch.Contracts;

namespace Notifications.Api.Notifications;

/// <summary>Every notification's words, in Simplified Chinese (the default) and English.</summary>
public static class NotificationText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>English when the reader asks for it first; Chinese otherwise.</summary>
    public static string LanguageFrom(string? requested) =>
        requested is not null && requested.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    public static (string Title, string Body) Render(string kind, string data, string language) => kind switch
    {
        NotificationKind.NewMatches => NewMatches(JsonSerializer.Deserialize<List<MatchedPosting>>(data, Json) ?? [], language),
        NotificationKind.ApplicationStatus => StatusChange(JsonSerializer.Deserialize<StatusData>(data, Json), language, ApplicationWords,
            ("您的求职申请有新进展", "Your application has moved on")),
        NotificationKind.PostingStatus => StatusChange(JsonSerializer.Deserialize<StatusData>(data, Json), language, PostingWords,
            ("您的招聘岗位状态已更新", "Your posting's status changed")),
        _ => language == English ? ("Notification", "") : ("通知", ""),
    };

    /// <summary>The facts a status notification keeps: which object, where it went, and why.</summary>
    public sealed record StatusData(Guid Id, Guid PostingId, string To, string? Reason);

    private static readonly Dictionary<string, (string Chinese, string English)> ApplicationWords = new(StringComparer.Ordinal)
    {
        ["viewed"] = ("用人单位已查看", "viewed by the employer"),
        ["interview"] = ("邀请面试", "invited to an interview"),
        ["offer"] = ("已发出录用意向", "an offer was made"),
        ["hired"] = ("已录用", "hired"),
        ["rejected"] = ("未通过", "not taken forward"),
    };

    private static readonly Dictionary<string, (string Chinese, string English)> PostingWords = new(StringComparer.Ordinal)
    {
        ["published"] = ("已发布", "published"),
        ["needsReview"] = ("需人工审核", "held for review by a caseworker"),
        ["rejected"] = ("审核未通过", "rejected in review"),
        ["draft"] = ("退回修改", "returned to you for editing"),
        ["expired"] = ("已过期下线", "expired and taken down"),
        ["closed"] = ("已关闭", "closed"),
    };

    private static (string, string) StatusChange(StatusData? change, string language, Dictionary<string, (string Chinese, string English)> words,
        (string Chinese, string English) title)
    {
        var (chinese, english) = change is not null && words.TryGetValue(change.To, out var word) ? word : (change?.To ?? "", change?.To ?? "");
        var reason = string.IsNullOrWhiteSpace(change?.Reason) ? "" : language == English ? $" Reason: {change.Reason}" : $"原因：{change.Reason}";
        return language == English ? (title.English, $"Status: {english}.{reason}") : (title.Chinese, $"状态：{chinese}。{reason}");
    }

    private static (string, string) NewMatches(IReadOnlyList<MatchedPosting> postings, string language)
    {
        var count = postings.Count.ToString(CultureInfo.InvariantCulture);
        return language == English
            ? (postings.Count == 1 ? "1 new job matches your profile" : $"{count} new jobs match your profile",
               "Recommended: " + string.Join(", ", postings.Select(p => p.Title)))
            : ($"有{count}个新岗位与您匹配", "为您推荐：" + string.Join("、", postings.Select(p => p.Title)));
    }
}
