using JobMatch.ServiceDefaults.Caching;
using JobMatch.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Notifications.Api.Live;
using StackExchange.Redis;

namespace Notifications.Tests.Integration;

/// <summary>
/// Notifications' live fan-out logged in to Redis as its own user (deploy/redis/users.acl): a ping published for a
/// recipient reaches the subscriber with nothing refused, and the same login can touch no key and no other channel.
/// </summary>
public sealed class RedisUserTests
{
    [Fact]
    public async Task Live_updates_work_as_the_notifications_redis_user_and_nothing_else_does()
    {
        var servers = await TestServers.GetAsync();
        var (user, connectionString) = await RedisUsers.CreateAsync(servers, "notifications");
        var redis = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(RedisExtensions.Options(connectionString)));
        try
        {
            var live = new LiveUpdates(redis, NullLogger<LiveUpdates>.Instance);
            var recipient = Guid.NewGuid();
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (await live.SubscribeAsync([recipient], () => arrived.TrySetResult()))
            {
                await live.AnnounceAsync(recipient);
                await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            Assert.Empty(await RedisUsers.RefusalsAsync(servers, user));

            var database = redis.Value.GetDatabase();
            await Assert.ThrowsAsync<RedisServerException>(() => database.StringGetAsync("jobmatch:ratelimit:anything"));
            await Assert.ThrowsAsync<RedisServerException>(() => database.StringSetAsync("jobmatch:notifications:live:x", "1"));
            await Assert.ThrowsAsync<RedisServerException>(() => database.PublishAsync(RedisChannel.Literal("jobmatch:dev-accounts:x"), "new"));
            await Assert.ThrowsAsync<RedisServerException>(() => database.ExecuteAsync("DBSIZE"));
            Assert.Equal(4, (await RedisUsers.RefusalsAsync(servers, user)).Count);
        }
        finally
        {
            if (redis.IsValueCreated) await redis.Value.DisposeAsync();
        }
    }
}
