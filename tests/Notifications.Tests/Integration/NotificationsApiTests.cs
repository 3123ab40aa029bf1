using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>MatchesFound becomes one notification for its seeker, in their language, that only they can read and mark read.</summary>
public sealed class NotificationsApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConsumedMessages _consumed = new();
    private ServiceFactory<NotificationStore> _factory = null!;
    private ConnectHandle? _observer;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        using var _ = _factory.CreateClient();
        _observer = _factory.Bus.ConnectConsumeObserver(_consumed);
    }

    public async Task DisposeAsync()
    {
        _observer?.Disconnect();
        await _factory.DisposeAsync();
    }

    private static MatchesFound Found(Guid seekerId, params string[] titles) =>
        new(seekerId, titles.Select((title, i) => new MatchedPosting(Guid.NewGuid(), title, 0.9 - i * 0.1)).ToList(), DateTimeOffset.UtcNow);

    /// <summary>Publishes under a MessageId and waits until the consumer has finished with it that many times.</summary>
    private async Task PublishAsync(MatchesFound message, Guid? messageId = null, int times = 1)
    {
        var id = messageId ?? NewId.NextGuid();
        for (var i = 0; i < times; i++) await _factory.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.GetAsync(() => Task.FromResult(_consumed.Finished(id)), count => count >= times, $"{times} deliveries of {id} consumed");
    }

    private async Task<List<NotificationResponse>> ListAsync(Guid userId, string query = "", string? acceptLanguage = null)
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(userId));
        if (acceptLanguage is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return (await client.GetFromJsonAsync<List<NotificationResponse>>(new Uri("/api/notifications" + query, UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task MatchesFound_becomes_a_notification_for_the_seeker_in_Chinese_by_default()
    {
        var seekerId = Guid.NewGuid();
        var found = Found(seekerId, "焊工", "叉车司机");

        await PublishAsync(found);

        var notification = Assert.Single(await ListAsync(seekerId));
        Assert.Equal(NotificationKind.NewMatches, notification.Kind);
        Assert.Equal("有2个新岗位与您匹配", notification.Title);
        Assert.Equal("为您推荐：焊工、叉车司机", notification.Body);
        Assert.Null(notification.ReadAt);
        Assert.Equal(found.Postings.Select(p => p.PostingId),
            notification.Data.EnumerateArray().Select(p => p.GetProperty("postingId").GetGuid()));
    }

    [Fact]
    public async Task A_reader_asking_for_English_by_header_gets_English()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "Welder"));

        var notification = Assert.Single(await ListAsync(seekerId, acceptLanguage: "en-US"));

        Assert.Equal("1 new job matches your profile", notification.Title);
        Assert.Equal("Recommended: Welder", notification.Body);
    }

    [Fact]
    public async Task A_reader_asking_for_English_by_query_gets_English_whatever_the_header()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "Welder"));

        var notification = Assert.Single(await ListAsync(seekerId, "?lang=en", acceptLanguage: "zh-CN"));

        Assert.Equal("1 new job matches your profile", notification.Title);
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_makes_one_notification()
    {
        var seekerId = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await PublishAsync(Found(seekerId, "焊工"), messageId, times: 3);

        Assert.Single(await ListAsync(seekerId));
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifications WHERE recipient_id = @seekerId", new { seekerId }));
    }

    [Fact]
    public async Task The_same_matches_under_different_message_ids_are_two_notifications()
    {
        var seekerId = Guid.NewGuid();
        var found = Found(seekerId, "焊工");

        await PublishAsync(found);
        await PublishAsync(found);

        Assert.Equal(2, (await ListAsync(seekerId)).Count);
    }

    [Fact]
    public async Task Another_user_sees_none_of_the_seekers_notifications()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "焊工"));
        Assert.Single(await ListAsync(seekerId));

        Assert.Empty(await ListAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Marking_another_users_notification_read_is_not_found_and_changes_nothing()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "焊工"));
        var notification = Assert.Single(await ListAsync(seekerId));
        using var other = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await other.PostAsync(new Uri($"/api/notifications/{notification.Id}/read", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Null(Assert.Single(await ListAsync(seekerId)).ReadAt);
    }

    [Fact]
    public async Task The_recipient_marks_a_notification_read_and_unreadOnly_leaves_it_out()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "焊工"));
        await PublishAsync(Found(seekerId, "叉车司机"));
        var all = await ListAsync(seekerId);
        Assert.Equal(2, all.Count);
        var read = all[0];
        var unread = all[1];
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var response = await client.PostAsync(new Uri($"/api/notifications/{read.Id}/read", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await ListAsync(seekerId);
        Assert.NotNull(after.Single(n => n.Id == read.Id).ReadAt);
        Assert.Null(after.Single(n => n.Id == unread.Id).ReadAt);
        Assert.Equal([unread.Id], (await ListAsync(seekerId, "?unreadOnly=true")).Select(n => n.Id));
    }

    [Fact]
    public async Task Marking_read_twice_keeps_the_first_time()
    {
        var seekerId = Guid.NewGuid();
        await PublishAsync(Found(seekerId, "焊工"));
        var notification = Assert.Single(await ListAsync(seekerId));
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var first = await client.PostAsync(new Uri($"/api/notifications/{notification.Id}/read", UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var firstReadAt = Assert.Single(await ListAsync(seekerId)).ReadAt;

        using var second = await client.PostAsync(new Uri($"/api/notifications/{notification.Id}/read", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.NotNull(firstReadAt);
        Assert.Equal(firstReadAt, Assert.Single(await ListAsync(seekerId)).ReadAt);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_with_401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
