using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using MassTransit;
using Matching.Api.Matches;
using Xunit.Abstractions;

namespace JobMatch.FaultTests;

/// <summary>
/// The broker process itself killed (kill -9) and started again on the same node and data directory, while
/// postings are published and matching consumes them: every posting published before, during and after reaches
/// matching, none has two effects, and neither service is restarted. A private node (PrivateBroker), never the shared one.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Before = 20;
    private const int After = 10;
    /// <summary>How long the node stays dead before it is started again (its boot then adds to the outage).</summary>
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<(Guid PostingId, DateTime At)> _deliveries = new();
    private PrivateBroker _broker = null!;
    private ServiceFactory<PostingStore> _postings = null!;
    private ServiceFactory<Recommender> _matching = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _broker = await PrivateBroker.StartAsync();
        // PostgreSQL and Redis are the shared test servers; the broker is the private node. (The factories' clean-up
        // asks the shared broker to delete a virtual host of this name, which it does not have: a harmless 404.)
        _matching = new ServiceFactory<Recommender>(servers, _broker.Uri);
        _matching.Bus.ConnectConsumeObserver(new DeliveryRecorder(_deliveries));
        _postings = new ServiceFactory<PostingStore>(servers, _broker.Uri);
        _ = _postings.Services;
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed part-way (e.g. the node never booted): that failure is the one to see.
        if (_postings is not null) await _postings.DisposeAsync();
        if (_matching is not null) await _matching.DisposeAsync();
        if (_broker is not null) await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Postings_published_before_during_and_after_a_broker_restart_all_reach_matching_once_in_effect()
    {
        using var employer = _postings.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        var published = new List<Guid>();

        for (var i = 0; i < Before; i++) published.Add(await PublishAsync(employer, $"before {i}"));
        // No wait: matching is still consuming the burst (and the relay may still be publishing it) when the node dies.
        await _broker.KillNodeAsync();
        var killedAt = Stopwatch.StartNew();
        var receivedAtKill = await ReceivedAsync(published);
        var unsentAtKill = await UnsentAsync();

        // During: postings keep being published (into the outbox) while the node is dead and while it boots.
        using var restarted = new CancellationTokenSource();
        var during = Task.Run(async () =>
        {
            var ids = new List<Guid>();
            while (!restarted.IsCancellationRequested)
            {
                ids.Add(await PublishAsync(employer, $"during {ids.Count}"));
                await Task.Delay(250, CancellationToken.None);
            }
            return ids;
        });
        await Task.Delay(Down);
        await _broker.StartNodeAsync();
        var outage = killedAt.Elapsed;
        var backAt = DateTime.UtcNow;
        var recovering = Stopwatch.StartNew();
        await restarted.CancelAsync();
        var duringIds = await during;
        published.AddRange(duringIds);
        var unsentAtRestart = await UnsentAsync();

        for (var i = 0; i < After; i++) published.Add(await PublishAsync(employer, $"after {i}"));

        var received = await Eventually.GetAsync(() => ReceivedAsync(published), count => count == published.Count,
            $"all {published.Count} postings in matching", TimeSpan.FromMinutes(2));
        var recovered = recovering.Elapsed;
        var firstAfterRestart = _deliveries.Where(delivery => delivery.At >= backAt).Select(delivery => delivery.At).DefaultIfEmpty(DateTime.MaxValue).Min();
        await using var inbox = await _matching.DataSource.OpenConnectionAsync();
        var effects = await inbox.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE consumer = 'JobPublishedConsumer'");
        var deliveries = _deliveries.Count(delivery => published.Contains(delivery.PostingId));
        var unsentAtEnd = await UnsentAsync();

        output.WriteLine($"broker restart (kill -9, {Down.TotalSeconds:0}s dead + boot, {outage.TotalSeconds:0.0}s without a broker): " +
            $"sent {published.Count} ({Before} before, {duringIds.Count} during, {After} after), received {received}, lost {published.Count - received}, " +
            $"delivered {deliveries} times, duplicated in effect {effects - published.Count}; at the kill {receivedAtKill} of {Before} received, the rest in the " +
            $"queue or the outbox (unsent: {unsentAtKill}); when the node was back {unsentAtRestart} unsent; first delivery {(firstAfterRestart - backAt).TotalSeconds:0.0}s " +
            $"and all received {recovered.TotalSeconds:0.0}s after the node was back; unsent at the end: {unsentAtEnd}");
        Assert.True(duringIds.Count > 0);
        Assert.Equal(published.Count, received);
        Assert.Equal(published.Count, effects);
        Assert.Equal(0, unsentAtEnd.AllEvents);
    }

    private static async Task<Guid> PublishAsync(HttpClient employer, string title)
    {
        var created = await employer.PostAsJsonAsync("/api/postings",
            new { title = $"Broker restart {title}", description = "d", regionCode = "150102", skills = new[] { "welding" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        using var publish = await employer.PostAsync($"/api/postings/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode); // the outbox takes it whether or not the broker is there
        return id;
    }

    /// <summary>How many of the published postings matching has stored.</summary>
    private async Task<int> ReceivedAsync(IReadOnlyCollection<Guid> published)
    {
        await using var connection = await _matching.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM postings WHERE posting_id = ANY(@published)",
            new { published = published.ToArray() });
    }

    /// <summary>Events the postings service has committed but not yet handed to the broker: JobPublished ones, and all kinds.</summary>
    private async Task<Unsent> UnsentAsync()
    {
        await using var connection = await _postings.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Unsent>(
            """
            SELECT count(*) FILTER (WHERE message_type = @jobPublished)::int AS JobPublished, count(*)::int AS AllEvents
            FROM outbox WHERE sent_at IS NULL
            """, new { jobPublished = typeof(JobPublished).FullName });
    }

    private sealed record Unsent(int JobPublished, int AllEvents)
    {
        public override string ToString() => $"{JobPublished} JobPublished ({AllEvents} events of all kinds)";
    }

    private sealed class DeliveryRecorder(ConcurrentQueue<(Guid, DateTime)> deliveries) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is JobPublished job) deliveries.Enqueue((job.PostingId, DateTime.UtcNow));
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
