using System.Collections.Concurrent;
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

/// <summary>The broker out of reach while postings are published: every one reaches matching, none has two effects.</summary>
public sealed class BrokerOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Postings = 30;
    private TestServers _servers = null!;
    private TcpProxy _proxy = null!;
    private ServiceFactory<PostingStore> _postings = null!;
    private ServiceFactory<Recommender> _matching = null!;
    private readonly ConcurrentBag<Guid> _deliveries = [];

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var virtualHost = await _servers.CreateVirtualHostAsync();
        (_proxy, var throughProxy) = Faults.BrokerThroughProxy(_servers, virtualHost);
        _matching = new ServiceFactory<Recommender>(_servers, virtualHost);
        _matching.Bus.ConnectConsumeObserver(new DeliveryCounter(_deliveries));
        _postings = new ServiceFactory<PostingStore>(_servers, virtualHost);
        _postings.Settings["ConnectionStrings:RabbitMq"] = throughProxy;
        _ = _postings.Services;
    }

    public async Task DisposeAsync()
    {
        await _postings.DisposeAsync();
        await _matching.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task Postings_published_across_a_broker_outage_all_reach_matching_once()
    {
        using var employer = _postings.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        var published = new List<Guid>();
        for (var i = 0; i < Postings; i++)
        {
            if (i == Postings / 3) _proxy.Cut();
            var created = await employer.PostAsJsonAsync("/api/postings",
                new { title = $"Broker outage {i}", description = "d", regionCode = "150102", skills = new[] { "welding" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
            var publish = await employer.PostAsync($"/api/postings/{id}/publish", null);
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode); // the outbox takes it whether or not the broker is there
            published.Add(id);
            if (i == Postings / 3) await Task.Delay(Faults.Outage);
            if (i == Postings / 3 + 5) _proxy.Restore();
        }

        var received = await Eventually.GetAsync(async () =>
        {
            await using var connection = await _matching.DataSource.OpenConnectionAsync();
            return (await connection.QueryAsync<Guid>("SELECT posting_id FROM postings WHERE posting_id = ANY(@published)", new { published = published.ToArray() })).ToList();
        }, ids => ids.Count == Postings, $"all {Postings} postings in matching", TimeSpan.FromMinutes(3));
        await using var inbox = await _matching.DataSource.OpenConnectionAsync();
        var effects = await inbox.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE consumer = 'JobPublishedConsumer'");
        var deliveries = _deliveries.Count(id => published.Contains(id));
        output.WriteLine($"broker outage {Faults.Outage.TotalSeconds:0}s: sent {Postings}, received {received.Distinct().Count()}, " +
            $"lost {Postings - received.Distinct().Count()}, delivered {deliveries} times, duplicated in effect {effects - Postings}");
        Assert.Equal(Postings, received.Distinct().Count());
        Assert.Equal(Postings, effects);
    }

    private sealed class DeliveryCounter(ConcurrentBag<Guid> deliveries) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is JobPublished job) deliveries.Add(job.PostingId);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
