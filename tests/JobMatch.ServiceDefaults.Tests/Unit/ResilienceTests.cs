using System.Collections.Concurrent;
using System.Net;
using JobMatch.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.ServiceDefaults.Tests.Unit;

/// <summary>Outgoing clients retry a read that failed for a moment, never a write, and never a "slow down".</summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly ScriptedNetwork _network = new();
    private readonly ServiceProvider _services;

    public ResilienceTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("outgoing", client => client.BaseAddress = new Uri(ScriptedNetwork.Url))
            .ConfigurePrimaryHttpMessageHandler(() => _network)
            .AddDefaultResilience(attemptTimeout: TimeSpan.FromSeconds(10), totalTimeout: TimeSpan.FromSeconds(30));
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    private HttpClient Client => _services.GetRequiredService<IHttpClientFactory>().CreateClient("outgoing");

    [Fact]
    public async Task A_read_that_met_a_server_error_is_sent_again()
    {
        _network.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        using var response = await Client.GetAsync("read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _network.Calls.Count(path => path == "/read"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_that_met_a_server_error_is_sent_once(string method)
    {
        _network.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        using var request = new HttpRequestMessage(new HttpMethod(method), "write") { Content = method is "DELETE" ? null : new StringContent("{}") };
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _network.Calls.Count(path => path == "/write"));
    }

    [Fact]
    public async Task A_read_told_to_slow_down_is_not_sent_again()
    {
        _network.Answers.Enqueue(HttpStatusCode.TooManyRequests);

        using var response = await Client.GetAsync("limited");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _network.Calls.Count(path => path == "/limited"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Server_errors_open_the_breaker_only_where_the_client_asks_for_it(bool breakOnServerErrors)
    {
        var network = new ScriptedNetwork();
        var services = new ServiceCollection();
        services.AddHttpClient("gateway", client => client.BaseAddress = new Uri(ScriptedNetwork.Url))
            .ConfigurePrimaryHttpMessageHandler(() => network)
            .AddDefaultResilience(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), breakOnServerErrors);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("gateway");
        // More failed writes than the breaker's minimum throughput (100), all answered 503 by one service.
        for (var i = 0; i < 120; i++) network.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var _ = await client.PostAsync(new Uri("write", UriKind.Relative), new StringContent("{}"));
            }
            catch (Polly.CircuitBreaker.BrokenCircuitException)
            {
            }
        }

        var read = async () => (await client.GetAsync(new Uri("other-service", UriKind.Relative))).StatusCode;

        if (breakOnServerErrors) await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(read);
        else Assert.Equal(HttpStatusCode.OK, await read());
    }

    /// <summary>
    /// Stands where the network would be, under the resilience handler: gives the queued answers first, then 200,
    /// and records each path called.
    /// </summary>
    private sealed class ScriptedNetwork : HttpMessageHandler
    {
        public const string Url = "http://service.test/";
        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();
        public ConcurrentQueue<string> Calls { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Enqueue(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(Answers.TryDequeue(out var answer) ? answer : HttpStatusCode.OK));
        }
    }
}
