using StackExchange.Redis;

namespace Notifications.Api.Live;

/// <summary>
/// Fan-out of "something new for this person" across every instance, over Redis pub/sub. The message is only a
/// ping with the recipient's opaque id: what is new is read from the database by whichever instance holds that
/// person's stream, so nothing personal passes through Redis. Fail-soft: without Redis, streams still catch up
/// on their periodic check.
/// </summary>
public sealed partial class LiveUpdates(Lazy<ConnectionMultiplexer> redis, ILogger<LiveUpdates> logger)
{
    private static RedisChannel Channel(Guid recipientId) => RedisChannel.Literal($"jobmatch:notifications:live:{recipientId:N}");

    public async Task AnnounceAsync(Guid recipientId)
    {
        try
        {
            await redis.Value.GetSubscriber().PublishAsync(Channel(recipientId), "new");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(e);
        }
    }

    /// <summary>Calls <paramref name="onNew"/> whenever something arrives for one of the recipients, until disposed.</summary>
    public async Task<IAsyncDisposable> SubscribeAsync(IReadOnlyList<Guid> recipientIds, Action onNew)
    {
        var subscriber = redis.Value.GetSubscriber();
        var channels = new List<RedisChannel>();
        try
        {
            foreach (var recipientId in recipientIds)
            {
                var channel = Channel(recipientId);
                await subscriber.SubscribeAsync(channel, (_, _) => onNew());
                channels.Add(channel);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(e);
        }
        return new Subscription(subscriber, channels);
    }

    private sealed class Subscription(ISubscriber subscriber, List<RedisChannel> channels) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var channel in channels)
            {
                try
                {
                    await subscriber.UnsubscribeAsync(channel);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // The connection is gone; so is the subscription.
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live notification updates skipped: Redis is unavailable")]
    private partial void LogUnavailable(Exception exception);
}
