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
        NotificationKind.Campaign => CampaignMatches(JsonSerializer.Deserialize<CampaignData>(data, Json), language),
        NotificationKind.SavedSearch => SavedSearchHit(JsonSerializer.Deserialize<SavedSearchData>(data, Json), language),
        NotificationKind.PostingExpiring => Expiring(JsonSerializer.Deserialize<ExpiringData>(data, Json), language),
        NotificationKind.Interview => InterviewNotice(JsonSerializer.Deserialize<InterviewData>(data, Json), language),
        NotificationKind.InterviewAnswer => InterviewAnswerNotice(JsonSerializer.Deserialize<InterviewAnswerData>(data, Json), language),
        NotificationKind.ContactRequest => ContactRequestNotice(JsonSerializer.Deserialize<ContactRequestData>(data, Json), language),
        _ => language == English ? ("Notification", "") : ("通知", ""),
    };

    /// <summary>A campaign's recommendations: which campaign, and the postings.</summary>
    public sealed record CampaignData(Guid CampaignId, IReadOnlyList<MatchedPosting> Postings);

    /// <summary>A saved-search hit: the posting, and which of the seeker's searches it matched.</summary>
    public sealed record SavedSearchData(Guid PostingId, string Title, IReadOnlyList<Guid> SavedSearchIds);

    /// <summary>A posting about to expire, and when.</summary>
    public sealed record ExpiringData(Guid PostingId, string Title, DateTimeOffset ValidUntil);

    /// <summary>An interview invitation, a moved one (Revision above 1) or a cancelled one: the job, the employer, when and where.</summary>
    public sealed record InterviewData(Guid ApplicationId, Guid PostingId, string Title, string? EmployerName, DateTimeOffset At, string? Place,
        int Revision, bool Cancelled);

    /// <summary>The seeker's answer to an interview, for the employer.</summary>
    public sealed record InterviewAnswerData(Guid ApplicationId, Guid PostingId, string Title, DateTimeOffset At, bool Accepted);

    /// <summary>An employer's request for the seeker's contact.</summary>
    public sealed record ContactRequestData(Guid ApplicationId, Guid PostingId, string Title, string? EmployerName);

    /// <summary>The daily digest's subject and body: one line per notification, in the person's language.</summary>
    public static (string Title, string Body) Digest(DateOnly date, IReadOnlyList<(string Title, string Body)> items, string language)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = items.Count.ToString(CultureInfo.InvariantCulture);
        var lines = string.Join("\n", items.Select(item => $"• {item.Title}{(language == English ? ": " : "：")}{item.Body}"));
        return language == English
            ? ($"Your JobMatch daily digest for {day}", $"{count} notification{(items.Count == 1 ? "" : "s")} today:\n{lines}")
            : ($"JobMatch 每日通知摘要（{day}）", $"今天共有{count}条通知：\n{lines}");
    }

    private static (string, string) CampaignMatches(CampaignData? campaign, string language)
    {
        var postings = campaign?.Postings ?? [];
        var count = postings.Count.ToString(CultureInfo.InvariantCulture);
        return language == English
            ? (postings.Count == 1 ? "Your employment service recommends a job" : $"Your employment service recommends {count} jobs",
               "Your employment service recommends: " + string.Join(", ", postings.Select(p => p.Title)))
            : ($"就业服务机构为您推荐{count}个岗位", "公共就业服务机构向您推荐：" + string.Join("、", postings.Select(p => p.Title)));
    }

    private static (string, string) SavedSearchHit(SavedSearchData? hit, string language) =>
        language == English
            ? ("A new job matches your saved search", $"New posting: {hit?.Title}")
            : ("有新岗位符合您保存的搜索", $"新岗位：{hit?.Title}");

    private static (string, string) Expiring(ExpiringData? expiring, string language)
    {
        // Dates as the employer reads them: China Standard Time.
        var day = expiring is null ? "" : expiring.ValidUntil.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return language == English
            ? ("Your posting is about to expire", $"\"{expiring?.Title}\" expires on {day} (China Standard Time). Renew it if you are still hiring.")
            : ("您的招聘岗位即将到期", $"“{expiring?.Title}”将于{day}（北京时间）到期，如仍需招聘请及时续期。");
    }

    /// <summary>A time as the people of the region read it: China Standard Time.</summary>
    private static string Beijing(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static (string, string) InterviewNotice(InterviewData? interview, string language)
    {
        var at = interview is null ? "" : Beijing(interview.At);
        var employer = interview?.EmployerName ?? (language == English ? "The employer" : "用人单位");
        if (interview?.Cancelled == true)
        {
            return language == English
                ? ("Your interview was cancelled", $"{employer} cancelled the interview for \"{interview.Title}\" on {at} (China Standard Time).")
                : ("您的面试已取消", $"{employer}取消了“{interview.Title}”岗位{at}（北京时间）的面试。");
        }
        var moved = interview?.Revision > 1;
        return language == English
            ? (moved ? "Your interview was moved" : "You are invited to an interview",
               $"{employer} invites you to an interview for \"{interview?.Title}\" on {at} (China Standard Time) at {interview?.Place}. Accept or decline it on your applications page.")
            : (moved ? "您的面试时间或地点有变" : "您收到一个面试邀请",
               $"{employer}邀请您参加“{interview?.Title}”岗位的面试：{at}（北京时间），地点：{interview?.Place}。请在“我的申请”中接受或谢绝。");
    }

    private static (string, string) InterviewAnswerNotice(InterviewAnswerData? answer, string language)
    {
        var at = answer is null ? "" : Beijing(answer.At);
        return (answer?.Accepted == true, language == English) switch
        {
            (true, true) => ("An applicant accepted the interview", $"The interview for \"{answer?.Title}\" on {at} (China Standard Time) was accepted."),
            (false, true) => ("An applicant declined the interview", $"The interview for \"{answer?.Title}\" on {at} (China Standard Time) was declined. See the applicant's note."),
            (true, false) => ("应聘者已接受面试", $"“{answer?.Title}”岗位{at}（北京时间）的面试已被接受。"),
            (false, false) => ("应聘者谢绝了面试", $"“{answer?.Title}”岗位{at}（北京时间）的面试被谢绝，请查看应聘者的留言。"),
        };
    }

    private static (string, string) ContactRequestNotice(ContactRequestData? request, string language)
    {
        var employer = request?.EmployerName ?? (language == English ? "An employer" : "用人单位");
        return language == English
            ? ("An employer asks for your contact", $"{employer} asks for your name and phone for your application to \"{request?.Title}\". Accept or decline it on your applications page.")
            : ("用人单位请求获取您的联系方式", $"{employer}希望获取您申请“{request?.Title}”岗位时的姓名和电话，请在“我的申请”中同意或拒绝。");
    }

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
