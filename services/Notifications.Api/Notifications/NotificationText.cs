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
        _ => language == English ? ("Notification", "") : ("通知", ""),
    };

    private static (string, string) NewMatches(IReadOnlyList<MatchedPosting> postings, string language)
    {
        var count = postings.Count.ToString(CultureInfo.InvariantCulture);
        return language == English
            ? (postings.Count == 1 ? "1 new job matches your profile" : $"{count} new jobs match your profile",
               "Recommended: " + string.Join(", ", postings.Select(p => p.Title)))
            : ($"有{count}个新岗位与您匹配", "为您推荐：" + string.Join("、", postings.Select(p => p.Title)));
    }
}
