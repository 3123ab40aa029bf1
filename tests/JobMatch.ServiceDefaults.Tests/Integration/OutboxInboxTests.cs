using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;

namespace JobMatch.ServiceDefaults.Tests.Integration;

/// <summary>A write commits with its event or not at all; a message has its effect once; a bad one ends in the error queue.</summary>
public sealed class OutboxInboxTests : IAsyncLifetime
{
    private TestServers _servers = null!;
    private string _virtualHost = "";
    private readonly string _database = TestServers.NewDatabaseName();
    private MessagingHost _host = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _virtualHost = await _servers.CreateVirtualHostAsync();
        _host = await MessagingHost.StartAsync(_servers, _virtualHost, _database);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _servers.DropDatabaseAsync(_database);
        await _servers.DeleteVirtualHostAsync(_virtualHost);
    }

    [Fact]
    public async Task A_committed_write_publishes_its_event_once_with_the_outbox_id_as_message_id()
    {
        var postingId = Guid.NewGuid();
        await _host.Transactions.RunAsync(async transaction =>
        {
            await transaction.ExecuteAsync("INSERT INTO postings_written (posting_id) VALUES (@postingId)", new { postingId });
            await transaction.PublishAsync(new JobClosed(postingId, "filled", DateTimeOffset.UtcNow));
        }, default);

        var effects = await Eventually.GetAsync(() => EffectsAsync(postingId), rows => rows.Count == 1, "the consumer's effect");
        // The relay marks the row sent after the broker confirms it, which may be after the consumer's effect commits.
        var outbox = await Eventually.GetAsync(() => OutboxRowAsync(postingId), row => row.SentAt is not null, "the outbox row marked sent");
        Assert.Equal(outbox.MessageId, effects[0].MessageId);
    }

    [Fact]
    public async Task A_rolled_back_write_publishes_nothing()
    {
        var postingId = Guid.NewGuid();
        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Transactions.RunAsync(async transaction =>
        {
            await transaction.ExecuteAsync("INSERT INTO postings_written (posting_id) VALUES (@postingId)", new { postingId });
            await transaction.PublishAsync(new JobClosed(postingId, "filled", DateTimeOffset.UtcNow));
            throw new InvalidOperationException("the write fails after the event was queued");
        }, default));

        // A later event proves the relay ran past the point where the rolled-back one would have been.
        var later = Guid.NewGuid();
        await _host.Transactions.RunAsync(transaction => transaction.PublishAsync(new JobClosed(later, "filled", DateTimeOffset.UtcNow)), default);
        await Eventually.GetAsync(() => EffectsAsync(later), rows => rows.Count == 1, "the later event's effect");

        await using var connection = await _host.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM postings_written WHERE posting_id = @postingId", new { postingId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE body->>'postingId' = @id", new { id = postingId.ToString() }));
        Assert.Empty(await EffectsAsync(postingId));
    }

    [Fact]
    public async Task A_redelivered_message_has_no_second_effect()
    {
        var postingId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var message = new JobClosed(postingId, "duplicate", DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++)
            await _host.Bus.Publish(message, context => context.MessageId = messageId);

        // Wait until all three deliveries have committed, not merely started: only then is a second effect ruled out.
        await Eventually.GetAsync(() => Task.FromResult<int?>(MessagingHost.Completed.GetValueOrDefault(postingId)), count => count == 3, "three deliveries handled");
        var effects = await EffectsAsync(postingId);
        Assert.Single(effects);
        Assert.Equal(messageId, effects[0].MessageId);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_moved_to_the_error_queue()
    {
        var postingId = Guid.NewGuid();
        await _host.Transactions.RunAsync(transaction =>
            transaction.PublishAsync(new JobClosed(postingId, MessagingHost.FailingReason, DateTimeOffset.UtcNow)), default);

        var errorQueue = $"{MessagingHost.ServiceName}-recording_error";
        await Eventually.GetAsync(() => _servers.QueueDepthAsync(_virtualHost, errorQueue), depth => depth >= 1, $"a message in {errorQueue}");
        Assert.Equal(6, MessagingHost.Attempts[postingId]); // the first try and five retries
        Assert.Empty(await EffectsAsync(postingId));
    }

    [Fact]
    public async Task Consumer_queues_are_quorum_queues_named_after_the_service()
    {
        var queues = await _servers.QueuesAsync(_virtualHost);
        Assert.Equal("quorum", queues[$"{MessagingHost.ServiceName}-recording"]);
    }

    [Fact]
    public async Task Two_instances_relay_every_outbox_row_exactly_once()
    {
        using var publishes = new OutboxPublishes();
        await using var second = await MessagingHost.StartAsync(_servers, _virtualHost, _database);
        var postingIds = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(postingIds.Select((postingId, i) => (i % 2 == 0 ? _host : second).Transactions.RunAsync(
            transaction => transaction.PublishAsync(new JobClosed(postingId, "filled", DateTimeOffset.UtcNow)), default)));

        // A row is marked sent in the transaction that claimed it, after its publish finished: once every row is marked,
        // no relay holds one any more and every publish there will ever be has been counted.
        var rows = await Eventually.GetAsync(() => OutboxRowsAsync(postingIds), all => all.Count == postingIds.Count && all.All(row => row.SentAt is not null), "every outbox row marked sent");
        Assert.All(rows, row => Assert.Equal(1, publishes.SucceededFor(row.MessageId)));
        foreach (var postingId in postingIds)
            await Eventually.GetAsync(() => EffectsAsync(postingId), effects => effects.Count == 1, $"the effect for {postingId}");
    }

    [Fact]
    public async Task Migrations_apply_once_however_often_a_service_starts()
    {
        await using (await MessagingHost.StartAsync(_servers, _virtualHost, _database)) { }
        await using var connection = await _host.DataSource.OpenConnectionAsync();
        var applied = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id")).ToList();
        Assert.Equal(["defaults-tests/001_effects.sql", "messaging/001_messaging.sql"], applied);
    }

    [Fact]
    public async Task A_database_migrated_under_assembly_named_ids_is_not_migrated_again()
    {
        await using (var connection = await _host.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE schema_migrations SET id = CASE id
                    WHEN 'defaults-tests/001_effects.sql' THEN 'JobMatch.ServiceDefaults.Tests/001_effects.sql'
                    WHEN 'messaging/001_messaging.sql' THEN 'JobMatch.ServiceDefaults/001_messaging.sql' END
                """);
        }

        // Applying 001_effects.sql again would fail (its table exists) and stop the host from starting.
        await using (await MessagingHost.StartAsync(_servers, _virtualHost, _database)) { }

        await using var check = await _host.DataSource.OpenConnectionAsync();
        var applied = (await check.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id")).ToList();
        Assert.Equal(["defaults-tests/001_effects.sql", "messaging/001_messaging.sql"], applied);
    }

    private async Task<(Guid MessageId, DateTime? SentAt)> OutboxRowAsync(Guid postingId)
    {
        await using var connection = await _host.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(Guid MessageId, DateTime? SentAt)>(
            "SELECT message_id, sent_at FROM outbox WHERE body->>'postingId' = @id", new { id = postingId.ToString() });
    }

    private async Task<List<(Guid MessageId, DateTime? SentAt)>> OutboxRowsAsync(IReadOnlyCollection<Guid> postingIds)
    {
        await using var connection = await _host.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid MessageId, DateTime? SentAt)>(
            "SELECT message_id, sent_at FROM outbox WHERE body->>'postingId' = ANY(@ids)",
            new { ids = postingIds.Select(id => id.ToString()).ToArray() })).ToList();
    }

    private async Task<List<(Guid MessageId, string Reason)>> EffectsAsync(Guid postingId)
    {
        await using var connection = await _host.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid MessageId, string Reason)>(
            "SELECT message_id, reason FROM effects WHERE posting_id = @postingId", new { postingId })).ToList();
    }
}
