using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Fast;

/// <summary>
/// The consumers' logic on MassTransit's in-memory harness and the real PostgreSQL (the fast tier): what each event
/// makes of a person's notifications, and that a redelivered message has no second effect. Transport behaviour
/// (quorum queues, retries, the error queue) stays with the real-broker tests in Integration.
/// </summary>
[Trait("Tier", "Fast")]
public sealed class ConsumerLogicTests : IAsyncLifetime
{
    private readonly ConsumedMessages _consumed = new();
    private InMemoryBusServiceFactory<NotificationStore> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new InMemoryBusServiceFactory<NotificationStore>(await TestServers.GetAsync());
        using var _ = _factory.CreateClient();
        // Counted per delivery: the harness's own Consumed list keeps one entry per message id, so it cannot see a redelivery.
        _factory.Bus.ConnectConsumeObserver(_consumed);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Publishes and waits until the consumer has finished this delivery (returned, its transaction committed).</summary>
    private async Task ConsumedAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = _consumed.Finished(id);
        await _factory.Harness.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.GetAsync(() => Task.FromResult<int?>(_consumed.Finished(id)), count => count == before + 1, $"{typeof(T).Name} {id} consumed");
    }

    private async Task<List<(string Kind, string Body)>> NotificationsAsync(Guid recipientId)
    {
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Kind, string Body)>(
            "SELECT kind, data::text AS body FROM notifications WHERE recipient_id = @recipientId ORDER BY created_at", new { recipientId })).ToList();
    }

    [Fact]
    public async Task A_status_change_tells_the_seeker_but_their_own_withdrawal_does_not()
    {
        var seekerId = Guid.NewGuid();
        await ConsumedAsync(new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "viewed", "interview", null, DateTimeOffset.UtcNow));
        await ConsumedAsync(new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "interview", "withdrawn", null, DateTimeOffset.UtcNow));

        var notification = Assert.Single(await NotificationsAsync(seekerId));
        Assert.Equal(NotificationKind.ApplicationStatus, notification.Kind);
    }

    [Fact]
    public async Task A_campaigns_matches_read_as_the_employment_services_own()
    {
        var seekerId = Guid.NewGuid();
        await ConsumedAsync(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await ConsumedAsync(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "网格员", 0.8)], DateTimeOffset.UtcNow, Guid.NewGuid()));

        Assert.Equal([NotificationKind.NewMatches, NotificationKind.Campaign], (await NotificationsAsync(seekerId)).Select(n => n.Kind));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_notifies_once()
    {
        var seekerId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var found = new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "叉车司机", 0.9)], DateTimeOffset.UtcNow);
        await ConsumedAsync(found, messageId);
        await ConsumedAsync(found, messageId);

        Assert.Equal(2, _consumed.Finished(messageId));
        Assert.Single(await NotificationsAsync(seekerId));
    }

    [Fact]
    public async Task A_deleted_seekers_notifications_go_and_later_matches_make_none()
    {
        var deleted = Guid.NewGuid();
        var other = Guid.NewGuid();
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await ConsumedAsync(new MatchesFound(other, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));

        await ConsumedAsync(new SeekerDeleted(deleted, DateTimeOffset.UtcNow));
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "保安员", 0.9)], DateTimeOffset.UtcNow));

        Assert.Empty(await NotificationsAsync(deleted));
        Assert.Single(await NotificationsAsync(other));
    }
}
