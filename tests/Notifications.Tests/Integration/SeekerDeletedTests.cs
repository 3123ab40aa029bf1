using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>A deleted account's notifications and preferences are dropped; other people's stay.</summary>
public sealed class SeekerDeletedTests : IAsyncLifetime
{
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

    private async Task ConsumedAsync<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await _factory.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.GetAsync(() => Task.FromResult(_consumed.Finished(id)), count => count >= 1, $"{typeof(T).Name} {id} consumed");
    }

    private async Task<long> CountAsync(Guid recipientId)
    {
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT count(*) FROM notifications WHERE recipient_id = @recipientId) + (SELECT count(*) FROM preferences WHERE person_id = @recipientId)",
            new { recipientId });
    }

    private async Task PreferencesAsync(Guid personId)
    {
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO preferences (person_id, email_protected) VALUES (@personId, 'k:sealed')", new { personId });
    }

    [Fact]
    public async Task SeekerDeleted_drops_that_seekers_notifications_and_preferences_only()
    {
        var deleted = Guid.NewGuid();
        var other = Guid.NewGuid();
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await ConsumedAsync(new MatchesFound(other, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await PreferencesAsync(deleted);
        await PreferencesAsync(other);
        Assert.Equal(2, await CountAsync(deleted));

        await ConsumedAsync(new SeekerDeleted(deleted, DateTimeOffset.UtcNow));

        Assert.Equal(0, await CountAsync(deleted));
        Assert.Equal(2, await CountAsync(other));
    }

    [Fact]
    public async Task Matches_and_saved_search_hits_arriving_after_SeekerDeleted_make_no_notification()
    {
        var deleted = Guid.NewGuid();
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await ConsumedAsync(new SeekerDeleted(deleted, DateTimeOffset.UtcNow));

        // Published before the deletion elsewhere, consumed after it here.
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "叉车司机", 0.9)], DateTimeOffset.UtcNow));
        await ConsumedAsync(new MatchesFound(deleted, [new MatchedPosting(Guid.NewGuid(), "网格员", 0.9)], DateTimeOffset.UtcNow, Guid.NewGuid()));
        await ConsumedAsync(new SavedSearchMatched(deleted, Guid.NewGuid(), "保安员", [Guid.NewGuid()], DateTimeOffset.UtcNow));

        Assert.Equal(0, await CountAsync(deleted));
        var alive = Guid.NewGuid();
        await ConsumedAsync(new SavedSearchMatched(alive, Guid.NewGuid(), "保安员", [Guid.NewGuid()], DateTimeOffset.UtcNow));
        Assert.Equal(1, await CountAsync(alive));
    }
}
