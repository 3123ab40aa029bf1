using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>Saved-search hits, postings about to expire and campaign recommendations: each its own kind, words and channel choice.</summary>
public sealed class AlertKindsTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConsumedMessages _consumed = new();
    private readonly SmtpSink _smtp = new();
    private ServiceFactory<NotificationStore> _factory = null!;
    private ConnectHandle? _observer;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        _factory.Settings["Notifications:Delivery:Smtp:Host"] = "127.0.0.1";
        _factory.Settings["Notifications:Delivery:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Settings["Notifications:Delivery:PollInterval"] = "00:00:00.100";
        using var _ = _factory.CreateClient();
        _observer = _factory.Bus.ConnectConsumeObserver(_consumed);
    }

    public async Task DisposeAsync()
    {
        _observer?.Disconnect();
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task PublishAsync<T>(T message, Guid? messageId = null, int times = 1) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        for (var i = 0; i < times; i++) await _factory.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.GetAsync(() => Task.FromResult(_consumed.Finished(id)), count => count >= times, $"{times} deliveries of {typeof(T).Name} {id} consumed");
    }

    private async Task<List<NotificationResponse>> ListAsync(string token, string query = "")
    {
        using var client = _factory.ClientWithToken(token);
        return (await client.GetFromJsonAsync<List<NotificationResponse>>(new Uri("/api/notifications" + query, UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task SavedSearchMatched_is_one_saved_search_notification_in_Chinese_and_English_however_often_delivered()
    {
        var seekerId = Guid.NewGuid();
        var postingId = Guid.NewGuid();
        var searchId = Guid.NewGuid();

        await PublishAsync(new SavedSearchMatched(seekerId, postingId, "光伏电站运维员", [searchId], DateTimeOffset.UtcNow), times: 3);

        var notification = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId)));
        Assert.Equal(NotificationKind.SavedSearch, notification.Kind);
        Assert.Equal("有新岗位符合您保存的搜索", notification.Title);
        Assert.Equal("新岗位：光伏电站运维员", notification.Body);
        Assert.Equal(postingId, notification.Data.GetProperty("postingId").GetGuid());
        Assert.Equal(searchId, notification.Data.GetProperty("savedSearchIds")[0].GetGuid());
        var english = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId), "?lang=en"));
        Assert.Equal(("A new job matches your saved search", "New posting: 光伏电站运维员"), (english.Title, english.Body));
    }

    [Fact]
    public async Task Saved_search_alerts_go_to_the_channels_chosen_for_their_kind_only()
    {
        var seekerId = Guid.NewGuid();
        var address = $"{seekerId:N}@example.cn";
        using (var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId)))
        {
            using var saved = await client.PutAsJsonAsync("/api/notifications/preferences",
                new { language = "en", email = address, channels = new Dictionary<string, string[]> { ["saved-search"] = ["email"], ["new-matches"] = [] } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        await PublishAsync(new SavedSearchMatched(seekerId, Guid.NewGuid(), "Solar technician", [Guid.NewGuid()], DateTimeOffset.UtcNow));
        await PublishAsync(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "Welder", 0.9)], DateTimeOffset.UtcNow));

        var mail = await Eventually.GetAsync(() => Task.FromResult(_smtp.Received.FirstOrDefault(m => m.To.Contains(address))), m => m is not null, "the saved-search e-mail");
        Assert.Equal("A new job matches your saved search", mail!.Subject);
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        Assert.Equal([NotificationKind.SavedSearch], await connection.QueryAsync<string>(
            "SELECT n.kind FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.recipient_id = @seekerId", new { seekerId }));
    }

    [Fact]
    public async Task PostingExpiring_is_told_to_the_employers_users_once_and_to_no_other_employer()
    {
        var employerId = Guid.NewGuid();
        var validUntil = new DateTimeOffset(2026, 12, 1, 15, 59, 0, TimeSpan.Zero);
        var messageId = NewId.NextGuid();

        await PublishAsync(new PostingExpiring(Guid.NewGuid(), employerId, "季节性采摘工", validUntil, DateTimeOffset.UtcNow), messageId, times: 2);

        var notification = Assert.Single(await ListAsync(TestTokens.Employer(Guid.NewGuid(), employerId)));
        Assert.Equal(NotificationKind.PostingExpiring, notification.Kind);
        Assert.Equal("您的招聘岗位即将到期", notification.Title);
        Assert.Equal("“季节性采摘工”将于2026-12-01 23:59（北京时间）到期，如仍需招聘请及时续期。", notification.Body);
        var english = Assert.Single(await ListAsync(TestTokens.Employer(Guid.NewGuid(), employerId), "?lang=en"));
        Assert.Equal("\"季节性采摘工\" expires on 2026-12-01 23:59 (China Standard Time). Renew it if you are still hiring.", english.Body);
        Assert.Empty(await ListAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid())));
    }

    [Fact]
    public async Task A_campaigns_matches_read_as_the_employment_services_recommendation_and_other_matches_as_before()
    {
        var seekerId = Guid.NewGuid();
        var campaignId = Guid.NewGuid();

        await PublishAsync(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "社区网格员", 0.8), new MatchedPosting(Guid.NewGuid(), "公益性岗位保洁", 0.7)],
            DateTimeOffset.UtcNow, campaignId));
        await PublishAsync(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));

        var notifications = await ListAsync(TestTokens.Seeker(seekerId));
        var campaign = Assert.Single(notifications, n => n.Kind == NotificationKind.Campaign);
        Assert.Equal("就业服务机构为您推荐2个岗位", campaign.Title);
        Assert.Equal("公共就业服务机构向您推荐：社区网格员、公益性岗位保洁", campaign.Body);
        Assert.Equal(campaignId, campaign.Data.GetProperty("campaignId").GetGuid());
        Assert.Equal("有1个新岗位与您匹配", Assert.Single(notifications, n => n.Kind == NotificationKind.NewMatches).Title);
        var english = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId), "?lang=en"), n => n.Kind == NotificationKind.Campaign);
        Assert.Equal("Your employment service recommends 2 jobs", english.Title);
        Assert.Equal("Your employment service recommends: 社区网格员, 公益性岗位保洁", english.Body);
    }
}
