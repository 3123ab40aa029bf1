using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>Application and posting status changes reach the right person once, even with two instances and duplicates.</summary>
public sealed class StatusNotificationTests : IAsyncLifetime
{
    private TestServers _servers = null!;
    private ServiceFactory<NotificationStore> _first = null!;
    private ServiceFactory<NotificationStore> _second = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var virtualHost = await _servers.CreateVirtualHostAsync();
        _first = new ServiceFactory<NotificationStore>(_servers, virtualHost);
        using (_first.CreateClient()) { }
        // A second instance on the same database and queues: the two compete for every message.
        _second = new ServiceFactory<NotificationStore>(_servers, virtualHost, _first.Database);
        using (_second.CreateClient()) { }
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, string query = "") =>
        JsonNode.Parse(await client.GetStringAsync("/api/notifications" + query))!.AsArray();

    [Fact]
    public async Task A_seeker_hears_where_their_application_stands_but_not_about_their_own_withdrawal()
    {
        var seekerId = Guid.NewGuid();
        var postingId = Guid.NewGuid();
        await _first.Bus.Publish(new ApplicationStatusChanged(Guid.NewGuid(), postingId, seekerId, "viewed", "interview", null, DateTimeOffset.UtcNow));
        await _first.Bus.Publish(new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "submitted", "withdrawn", null, DateTimeOffset.UtcNow));
        await _first.Bus.Publish(new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "interview", "rejected", "岗位已招满", DateTimeOffset.UtcNow));

        using var seeker = _first.ClientWithToken(TestTokens.Seeker(seekerId));
        var notifications = await Eventually.GetAsync(() => ListAsync(seeker), list => list.Count == 2, "two status notifications");
        var bodies = notifications.Select(n => n!["body"]!.GetValue<string>()).ToList();
        Assert.Contains(bodies, body => body.Contains("邀请面试", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Contains("原因：岗位已招满", StringComparison.Ordinal));
        Assert.All(notifications, n => Assert.Equal(NotificationKind.ApplicationStatus, n!["kind"]!.GetValue<string>()));
        var english = await ListAsync(seeker, "?lang=en");
        Assert.Contains(english, n => n!["body"]!.GetValue<string>() == "Status: invited to an interview.");
    }

    [Fact]
    public async Task An_employers_users_hear_the_screening_outcome_and_other_employers_do_not()
    {
        var employerId = Guid.NewGuid();
        await _first.Bus.Publish(new PostingStatusChanged(Guid.NewGuid(), employerId, "needsReview", "rejected", "收取报名费", DateTimeOffset.UtcNow));
        await _first.Bus.Publish(new PostingStatusChanged(Guid.NewGuid(), employerId, "submitted", "screening", null, DateTimeOffset.UtcNow));

        using var colleague = _first.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        var notification = (await Eventually.GetAsync(() => ListAsync(colleague), list => list.Count == 1, "the screening outcome")).Single()!;
        Assert.Equal("状态：审核未通过。原因：收取报名费", notification["body"]!.GetValue<string>());
        using var otherEmployer = _first.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Empty(await ListAsync(otherEmployer));
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.PostAsync($"/api/notifications/{notification["id"]}/read", null)).StatusCode);
        using var anotherColleague = _second.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        Assert.Equal(HttpStatusCode.NoContent, (await anotherColleague.PostAsync($"/api/notifications/{notification["id"]}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Two_instances_and_repeated_deliveries_still_make_exactly_one_notification_per_event_and_person()
    {
        var seekerId = Guid.NewGuid();
        var events = Enumerable.Range(0, 20)
            .Select(i => (MessageId: NewId.NextGuid(), Event: new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "submitted", "viewed", null, DateTimeOffset.UtcNow)))
            .ToList();
        // Every event three times under its MessageId, sent through both instances' buses.
        foreach (var (messageId, change) in events)
        {
            for (var copy = 0; copy < 3; copy++)
                await (copy % 2 == 0 ? _first : _second).Bus.Publish(change, context => context.MessageId = messageId);
        }

        await Eventually.GetAsync(async () =>
        {
            await using var connection = await _first.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE consumer = 'ApplicationStatusChangedConsumer'");
        }, count => count == events.Count, "every event consumed");
        await using var db = await _first.DataSource.OpenConnectionAsync();
        var perEvent = (await db.QueryAsync<(string Application, int Count)>(
            "SELECT data->>'id', count(*)::int FROM notifications WHERE recipient_id = @seekerId GROUP BY 1", new { seekerId })).ToList();
        Assert.Equal(events.Count, perEvent.Count);
        Assert.All(perEvent, row => Assert.Equal(1, row.Count));
    }
}
